using System.Collections.Concurrent;
using HipaaDev.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Policy;

/// <summary>
/// Decides whether code is inside an approved channel: an <c>[ApprovedChannel]</c> on the method, local function
/// or lambda, on any containing type, or on the assembly, naming a channel the project's policy accepts.
/// </summary>
internal sealed class ApprovedChannels
{
    private readonly ChannelPolicy _policy;
    private readonly ConcurrentDictionary<ISymbol, bool> _cache = new ConcurrentDictionary<ISymbol, bool>(SymbolEqualityComparer.Default);

    public ApprovedChannels(ChannelPolicy policy)
    {
        _policy = policy;
    }

    public bool IsApproved(ISymbol? symbol)
    {
        if (symbol is null)
        {
            return false;
        }

        return _cache.GetOrAdd(symbol, s => Compute(s));
    }

    /// <summary>The channel name an attribute approves, or null when the attribute approves nothing.</summary>
    public string? ApprovedName(AttributeData attribute)
    {
        if (attribute.AttributeClass?.Name != AttributeNames.ApprovedChannel)
        {
            return null;
        }

        var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        return name is not null && _policy.Accepts(name) ? name : null;
    }

    private bool Compute(ISymbol symbol)
    {
        for (var current = symbol; current is not null; current = current.ContainingSymbol)
        {
            if (current is INamespaceSymbol)
            {
                break;
            }

            if (HasApprovingAttribute(current))
            {
                return true;
            }
        }

        return symbol.ContainingAssembly is { } assembly && HasApprovingAttribute(assembly);
    }

    private bool HasApprovingAttribute(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (ApprovedName(attribute) is not null)
            {
                return true;
            }
        }

        return false;
    }
}
