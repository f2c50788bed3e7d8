using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using HipaaDev.Analyzers.Flow;
using HipaaDev.Analyzers.Policy;
using HipaaDev.Analyzers.Knowledge;
using HipaaDev.Analyzers.Rules;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Inventory;

/// <summary>
/// Collects every send site of a compilation while the flow analysis runs, with the PHI that reaches it
/// (directly, or from callers through a helper's parameters), and reports one HIPAA100 per site at the end.
/// Exists only when the inventory option is on, so a normal build records nothing.
/// </summary>
internal sealed class MessagingInventory
{
    private readonly ConcurrentDictionary<SyntaxNode, Entry> _entries = new ConcurrentDictionary<SyntaxNode, Entry>();

    public void Add(IEnumerable<SinkUse> sites, IEnumerable<SinkHit> hits)
    {
        foreach (var site in sites)
        {
            var entry = _entries.GetOrAdd(site.Site, _ => new Entry());
            lock (entry)
            {
                entry.Spec ??= site.Spec;
                entry.Owner ??= site.Owner;
                entry.Parts.Add(site.Spec.PartKey);
            }
        }

        foreach (var hit in hits)
        {
            if (hit.Taint.Origin is not { } origin)
            {
                continue;
            }

            var entry = _entries.GetOrAdd(hit.Site, _ => new Entry());
            lock (entry)
            {
                entry.Spec ??= hit.Spec;
                entry.Parts.Add(hit.Spec.PartKey);
                entry.PhiParts.Add(hit.Spec.PartKey);
                entry.PhiSources.Add(origin.Name);
            }
        }
    }

    public IEnumerable<Diagnostic> Report(ChannelPolicy policy)
    {
        foreach (var pair in _entries)
        {
            var entry = pair.Value;
            if (entry.Spec is not { } spec)
            {
                continue;
            }

            var (channelName, listed) = ApprovingChannel(entry.Owner, policy);
            var method = MemberName(entry.Owner);
            var phiParts = Ordered(entry.PhiParts);
            var sources = string.Join("; ", entry.PhiSources.OrderBy(name => name, System.StringComparer.Ordinal));
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(InventoryProperties.Api, spec.Api)
                .Add(InventoryProperties.Vendor, spec.Vendor)
                .Add(InventoryProperties.Channel, spec.Channel)
                .Add(InventoryProperties.Parts, Ordered(entry.Parts))
                .Add(InventoryProperties.Method, method)
                .Add(InventoryProperties.ApprovedChannel, channelName ?? "")
                .Add(InventoryProperties.ApprovedChannelListed, listed)
                .Add(InventoryProperties.PhiParts, phiParts)
                .Add(InventoryProperties.PhiSources, sources);
            var summary = phiParts.Length == 0 ? "no PHI found" : $"PHI in {phiParts} ({sources})";
            yield return Diagnostic.Create(
                SendSite.Descriptor, pair.Key.GetLocation(), properties, spec.Api, spec.Channel, spec.Vendor, method, summary);
        }
    }

    // Body first, then subject and template, whatever order the analysis met them in.
    private static string Ordered(HashSet<string> parts) =>
        string.Join(",", new[] { "body", "subject", "template" }.Where(parts.Contains));

    /// <summary>The nearest [ApprovedChannel] name over the site, listed or not, and whether the policy lists it.</summary>
    private static (string? Name, string Listed) ApprovingChannel(ISymbol? owner, ChannelPolicy policy)
    {
        for (var current = owner; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (ChannelName(current) is { } name)
            {
                return (name, Listed(name, policy));
            }
        }

        return owner?.ContainingAssembly is { } assembly && ChannelName(assembly) is { } assemblyName
            ? (assemblyName, Listed(assemblyName, policy))
            : (null, "");
    }

    private static string Listed(string name, ChannelPolicy policy) =>
        !policy.IsListed ? "no-policy" : policy.Accepts(name) ? "yes" : "no";

    private static string? ChannelName(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass?.Name == AttributeNames.ApprovedChannel
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary><c>Namespace.Type.Member</c> of the member a site is in (lambdas and local functions belong to it).</summary>
    private static string MemberName(ISymbol? owner)
    {
        var member = owner;
        while (member is IMethodSymbol { MethodKind: MethodKind.LambdaMethod or MethodKind.LocalFunction } && member.ContainingSymbol is { } container)
        {
            member = container;
        }

        if (member is null)
        {
            return "";
        }

        var name = member is IMethodSymbol { AssociatedSymbol: { } property } ? property.Name : member.Name;
        return member.ContainingType is { } type ? $"{type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}.{name}" : name;
    }

    private sealed class Entry
    {
        public Sinks.SinkSpec? Spec { get; set; }

        public ISymbol? Owner { get; set; }

        public HashSet<string> Parts { get; } = new HashSet<string>();

        public HashSet<string> PhiParts { get; } = new HashSet<string>();

        public HashSet<string> PhiSources { get; } = new HashSet<string>();
    }
}
