using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace HipaaDev.Analyzers.Knowledge;

/// <summary>
/// PHI listed by documentation-comment ID in <c>PhiSymbols.txt</c> additional files: <c>T:</c> types are PHI types,
/// <c>P:</c>/<c>F:</c> members are PHI, <c>M:</c> methods return PHI. Symbols are resolved once per compilation.
/// </summary>
internal sealed class PhiSymbolsFileSource : IPhiSymbolSource
{
    private readonly ImmutableHashSet<ISymbol> _types;
    private readonly ImmutableHashSet<ISymbol> _members;
    private readonly ImmutableHashSet<ISymbol> _methods;

    private PhiSymbolsFileSource(ImmutableHashSet<ISymbol> types, ImmutableHashSet<ISymbol> members, ImmutableHashSet<ISymbol> methods)
    {
        _types = types;
        _members = members;
        _methods = methods;
    }

    /// <summary>The source for the compilation's <c>PhiSymbols.txt</c> files, or null when there is none.</summary>
    public static PhiSymbolsFileSource? Create(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
    {
        var types = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var members = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var methods = ImmutableHashSet.CreateBuilder<ISymbol>(SymbolEqualityComparer.Default);
        var found = false;
        foreach (var file in options.AdditionalFiles)
        {
            if (!PhiSymbolsFile.IsPhiSymbolsFile(file) || PhiSymbolsFile.Read(file, cancellationToken) is not { } parsed)
            {
                continue;
            }

            found = true;
            foreach (var entry in parsed.Entries)
            {
                if (entry.Problem is not null)
                {
                    continue;
                }

                foreach (var symbol in Resolve(entry.Id, compilation))
                {
                    var target = symbol switch
                    {
                        ITypeSymbol => types,
                        IMethodSymbol => methods,
                        _ => members,
                    };
                    target.Add(symbol.OriginalDefinition);

                    // M:T.get_Notes names the getter; a read of the property is what code writes.
                    if (symbol is IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } property })
                    {
                        members.Add(property.OriginalDefinition);
                    }
                }
            }
        }

        return found ? new PhiSymbolsFileSource(types.ToImmutable(), members.ToImmutable(), methods.ToImmutable()) : null;
    }

    /// <summary>The symbols an ID names in this compilation, limited to the kinds the file may list.</summary>
    public static IEnumerable<ISymbol> Resolve(string id, Compilation compilation)
    {
        foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
        {
            if (symbol is ITypeSymbol or IPropertySymbol or IFieldSymbol or IMethodSymbol)
            {
                yield return symbol;
            }
        }
    }

    public bool IsPhiMember(ISymbol member) => _members.Contains(member.OriginalDefinition);

    public bool IsPhiType(ITypeSymbol type) => _types.Contains(type.OriginalDefinition);

    public bool ReturnsPhi(IMethodSymbol method)
    {
        for (var current = method.OriginalDefinition; current is not null; current = current.OverriddenMethod?.OriginalDefinition)
        {
            if (_methods.Contains(current))
            {
                return true;
            }
        }

        return false;
    }
}
