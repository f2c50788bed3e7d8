using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Flow;

/// <summary>
/// The overrides and interface implementations declared in this compilation, so that a call through an injected
/// interface (<c>IEmailSender.SendEmailAsync</c>) or a virtual method is followed into the code that runs. The type
/// hierarchy is read once (which source types implement which interface, which methods override which); matching
/// members is done only for the methods a call actually goes through (the session remembers the answer).
/// </summary>
internal sealed class Implementations
{
    private const int MaxFollowed = 8;

    private readonly IAssemblySymbol _assembly;
    private readonly SendIndex _index;
    private readonly Lazy<Hierarchy> _hierarchy;

    public Implementations(Compilation compilation, SendIndex index)
    {
        _assembly = compilation.Assembly;
        _index = index;
        _hierarchy = new Lazy<Hierarchy>(() => Hierarchy.Read(compilation.Assembly), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The source methods that can run when <paramref name="method"/> (virtual, abstract or an interface member) is called.</summary>
    public ImmutableArray<IMethodSymbol> Of(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        if (!(method.IsVirtual || method.IsAbstract || method.IsOverride || method.ContainingType?.TypeKind == TypeKind.Interface))
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        // An override or implementation with a body is a method declared under the same name (an explicit one too:
        // `ValueTask IAsyncDisposable.DisposeAsync()`), so for a name the source never declares, such as an SDK's
        // SendEmailAsync, there is none here and the hierarchy need not be read. (Property accessors are not gated:
        // a record's positional parameter implements a property without declaring one.)
        if (method.MethodKind == MethodKind.Ordinary && !_index.Declares(method.Name))
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        return Find(method);
    }

    private ImmutableArray<IMethodSymbol> Find(IMethodSymbol method)
    {
        var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
        var hierarchy = _hierarchy.Value;
        if (hierarchy.Overrides.TryGetValue(method, out var overrides))
        {
            foreach (var implementation in overrides)
            {
                Add(found, implementation);
            }
        }

        if (method.ContainingType is { TypeKind: TypeKind.Interface } declaring
            && hierarchy.Implementers.TryGetValue(declaring.OriginalDefinition, out var implementers))
        {
            foreach (var implementer in implementers)
            {
                // IRepository<Patient>.Find, not IRepository<T>.Find: the member of the interface as the type implements it.
                foreach (var member in implementer.Interface.GetMembers(method.Name))
                {
                    if (SymbolEqualityComparer.Default.Equals(member.OriginalDefinition, method)
                        && implementer.Type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation
                        && SymbolEqualityComparer.Default.Equals(implementation.ContainingAssembly, _assembly))
                    {
                        Add(found, implementation);
                    }
                }
            }
        }

        return found.ToImmutable();
    }

    private static void Add(ImmutableArray<IMethodSymbol>.Builder found, IMethodSymbol implementation)
    {
        implementation = implementation.OriginalDefinition;
        if (found.Count < MaxFollowed && PhiFlowSession.HasSourceBody(implementation) && !Enumerable.Contains(found, implementation, SymbolEqualityComparer.Default))
        {
            found.Add(implementation);
        }
    }

    /// <summary>Which source types implement each interface, and which source methods override each method.</summary>
    private sealed class Hierarchy
    {
        public Dictionary<INamedTypeSymbol, List<Implementer>> Implementers { get; } =
            new Dictionary<INamedTypeSymbol, List<Implementer>>(SymbolEqualityComparer.Default);

        public Dictionary<IMethodSymbol, List<IMethodSymbol>> Overrides { get; } = new Dictionary<IMethodSymbol, List<IMethodSymbol>>(SymbolEqualityComparer.Default);

        public static Hierarchy Read(IAssemblySymbol assembly)
        {
            var hierarchy = new Hierarchy();
            var types = new Stack<INamespaceOrTypeSymbol>();
            types.Push(assembly.GlobalNamespace);
            while (types.Count > 0)
            {
                var container = types.Pop();
                foreach (var member in container.GetMembers())
                {
                    if (member is INamespaceOrTypeSymbol inner)
                    {
                        types.Push(inner);
                    }

                    if (member is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct } type)
                    {
                        hierarchy.Read(type);
                    }
                }
            }

            return hierarchy;
        }

        private void Read(INamedTypeSymbol type)
        {
            foreach (var @interface in type.AllInterfaces)
            {
                var key = @interface.OriginalDefinition;
                if (!Implementers.TryGetValue(key, out var list))
                {
                    Implementers[key] = list = new List<Implementer>();
                }

                list.Add(new Implementer(type, @interface));
            }

            foreach (var member in type.GetMembers())
            {
                if (member is IMethodSymbol { IsOverride: true, OverriddenMethod: { } overridden } method)
                {
                    var key = overridden.OriginalDefinition;
                    if (!Overrides.TryGetValue(key, out var list))
                    {
                        Overrides[key] = list = new List<IMethodSymbol>();
                    }

                    list.Add(method);
                }
            }
        }
    }

    /// <summary>A source type and an interface it implements, as it implements it (<c>IRepository&lt;Patient&gt;</c>).</summary>
    private sealed class Implementer
    {
        public Implementer(INamedTypeSymbol type, INamedTypeSymbol @interface)
        {
            Type = type;
            Interface = @interface;
        }

        public INamedTypeSymbol Type { get; }

        public INamedTypeSymbol Interface { get; }
    }
}
