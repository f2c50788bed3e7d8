using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HipaaDev.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace HipaaDev.Analyzers.Sinks;

/// <summary>
/// The sink catalogue resolved against one compilation. Types are found by fully qualified metadata name, so an
/// SDK that is not referenced costs nothing; a member matches when it is declared on a catalogued type, or on a
/// type deriving from or implementing one (MailKit declares <c>Send</c> on <c>MailTransport</c>).
/// </summary>
internal sealed class SinkResolver
{
    // Arrays rather than ImmutableArray values: a dictionary of struct values is compiled at run time in every build
    // (see "Precompiled code" in analyzers/README.md).
    private readonly Dictionary<INamedTypeSymbol, SinkSpec[]> _declared;
    private readonly ConcurrentDictionary<INamedTypeSymbol, SinkSpec[]> _applicable =
        new ConcurrentDictionary<INamedTypeSymbol, SinkSpec[]>(SymbolEqualityComparer.Default);

    // Every row's member name as the symbol spells it (.ctor for constructors): most calls and property reads the
    // analysis meets are answered by this one lookup, before the rows that apply to the type are gathered.
    private readonly HashSet<string> _memberNames = new HashSet<string>(StringComparer.Ordinal);

    private SinkResolver(Dictionary<INamedTypeSymbol, SinkSpec[]> declared)
    {
        _declared = declared;
        var members = new HashSet<string>();
        var types = new HashSet<string>();
        foreach (var pair in declared)
        {
            types.Add(pair.Key.Name);
            HasPackageSinks |= !FrameworkAssemblies.Contains(pair.Key.ContainingAssembly);
            foreach (var spec in pair.Value)
            {
                members.Add(spec.Kind == SinkMemberKind.Constructor ? pair.Key.Name : spec.MemberName);
                _memberNames.Add(spec.MemberName);
            }
        }

        members.UnionWith(types);
        SinkNames = members.ToImmutableHashSet();
        TypeNames = types.ToImmutableHashSet();
    }

    /// <summary>The catalogued types this compilation can see.</summary>
    public IEnumerable<INamedTypeSymbol> Types => _declared.Keys;

    /// <summary>Simple names that can reach a sink: catalogued members and the types that declare them.</summary>
    public ImmutableHashSet<string> SinkNames { get; }

    /// <summary>Simple names of the catalogued types this compilation can see.</summary>
    public ImmutableHashSet<string> TypeNames { get; }

    /// <summary>A sink type comes from a package the project chose (not only the framework's System.Net.Mail).</summary>
    public bool HasPackageSinks { get; }

    public static SinkResolver? Create(Compilation compilation, IEnumerable<SinkSpec> catalog)
    {
        var declared = new Dictionary<INamedTypeSymbol, SinkSpec[]>(SymbolEqualityComparer.Default);
        var namespaces = new Dictionary<string, INamespaceSymbol?>();
        foreach (var group in catalog.GroupBy(spec => spec.TypeName))
        {
            var type = FindType(compilation, group.Key, namespaces);
            if (type is not null)
            {
                declared[type] = group.ToArray();
            }
        }

        return declared.Count == 0 ? null : new SinkResolver(declared);
    }

    /// <summary>
    /// A catalogued type (<c>Namespace.Name</c>, not generic, not nested) by walking its namespace once for all the
    /// types in it: <c>Compilation.GetTypeByMetadataName</c> asks every referenced assembly for every name, which was
    /// eight times slower for the catalogue. Like it, a type declared in this compilation wins, and a name two
    /// referenced assemblies both declare is nobody's.
    /// </summary>
    private static INamedTypeSymbol? FindType(Compilation compilation, string metadataName, Dictionary<string, INamespaceSymbol?> namespaces)
    {
        var dot = metadataName.LastIndexOf('.');
        if (dot < 0 || NamespaceNamed(compilation, metadataName.Substring(0, dot), namespaces) is not { } containing)
        {
            return null;
        }

        var candidates = containing.GetTypeMembers(metadataName.Substring(dot + 1), arity: 0);
        foreach (var type in candidates)
        {
            if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
            {
                return type;
            }
        }

        return candidates.Length == 1 ? candidates[0] : null;
    }

    private static INamespaceSymbol? NamespaceNamed(Compilation compilation, string name, Dictionary<string, INamespaceSymbol?> namespaces)
    {
        if (namespaces.TryGetValue(name, out var known))
        {
            return known;
        }

        var dot = name.LastIndexOf('.');
        var parent = dot < 0 ? compilation.GlobalNamespace : NamespaceNamed(compilation, name.Substring(0, dot), namespaces);
        INamespaceSymbol? result = null;
        foreach (var member in parent?.GetMembers(name.Substring(dot + 1)) ?? ImmutableArray<INamespaceOrTypeSymbol>.Empty)
        {
            if (member is INamespaceSymbol ns)
            {
                result = ns;
                break;
            }
        }

        namespaces[name] = result;
        return result;
    }

    /// <summary>Sinks among a method's or constructor's parameters.</summary>
    public ImmutableArray<SinkSpec> ForMethod(IMethodSymbol method)
    {
        var kind = method.MethodKind == MethodKind.Constructor ? SinkMemberKind.Constructor : SinkMemberKind.Method;
        if (method.ContainingType is not { } type || (kind == SinkMemberKind.Method && method.MethodKind != MethodKind.Ordinary)
            || !_memberNames.Contains(method.Name))
        {
            return ImmutableArray<SinkSpec>.Empty;
        }

        var candidates = Applicable(type);
        if (candidates.Length == 0)
        {
            return ImmutableArray<SinkSpec>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<SinkSpec>();
        foreach (var spec in candidates)
        {
            if (spec.Kind == kind && spec.MemberName == method.Name)
            {
                builder.Add(spec);
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>The sink a property fills, if any.</summary>
    public SinkSpec? ForProperty(IPropertySymbol property)
    {
        if (property.ContainingType is not { } type || !_memberNames.Contains(property.Name))
        {
            return null;
        }

        foreach (var spec in Applicable(type))
        {
            if (spec.Kind == SinkMemberKind.Property && spec.MemberName == property.Name)
            {
                return spec;
            }
        }

        return null;
    }

    /// <summary>
    /// The part a value fills at this use of the row: its role, except for rows that become a subject where the
    /// object holding them is held as one (<see cref="SinkSpec.SubjectWhenHeldAs"/>: SES's
    /// <c>Subject = new Content { Data = ... }</c> or <c>new Message(new Content(...), body)</c>).
    /// </summary>
    public static SinkRole RoleAt(SinkSpec spec, IOperation value)
    {
        if (spec.SubjectWhenHeldAs is not { } holder)
        {
            return spec.Role;
        }

        // Constructor arguments keep their tree in the control-flow graph.
        for (var operation = value.Parent; operation is not null; operation = operation.Parent)
        {
            if (operation is IObjectCreationOperation creation && IsDeclaredBy(creation.Type, spec))
            {
                if (creation.Parent is IArgumentOperation { Parameter.Name: var parameter } && IsHolder(parameter, holder))
                {
                    return SinkRole.Subject;
                }

                break;
            }
        }

        // Object initializers are lowered into separate assignments: read the nesting from the syntax.
        var created = value.Syntax.FirstAncestorOrSelf<BaseObjectCreationExpressionSyntax>();
        if (created?.Parent is AssignmentExpressionSyntax { Left: IdentifierNameSyntax { Identifier.ValueText: var assigned } } && IsHolder(assigned, holder))
        {
            return SinkRole.Subject;
        }

        return spec.Role;
    }

    private static bool IsHolder(string name, string holder) => string.Equals(name, holder, System.StringComparison.OrdinalIgnoreCase);

    private static bool IsDeclaredBy(ITypeSymbol? type, SinkSpec spec) =>
        type is not null && spec.TypeName.EndsWith("." + type.MetadataName, System.StringComparison.Ordinal);

    private SinkSpec[] Applicable(INamedTypeSymbol type)
    {
        type = type.OriginalDefinition;
        if (_applicable.TryGetValue(type, out var cached))
        {
            return cached;
        }

        var builder = new List<SinkSpec>();
        for (var current = type; current is not null; current = current.BaseType)
        {
            AddDeclared(current.OriginalDefinition, builder);
        }

        foreach (var @interface in type.AllInterfaces)
        {
            AddDeclared(@interface.OriginalDefinition, builder);
        }

        return _applicable.GetOrAdd(type, builder.ToArray());
    }

    private void AddDeclared(INamedTypeSymbol type, List<SinkSpec> builder)
    {
        if (_declared.TryGetValue(type, out var specs))
        {
            builder.AddRange(specs);
        }
    }
}
