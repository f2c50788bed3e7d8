using System.Text;
using HipaaDev.Analyzers.Rules;
using HipaaDev.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Tests.Docs;

/// <summary>Builds the README's rules table (ID with help link, title, default severity) from the descriptors.</summary>
internal static class RulesTable
{
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors() => TestReferences.Analyzers
        .SelectMany(analyzer => analyzer.SupportedDiagnostics)
        .GroupBy(descriptor => descriptor.Id)
        .Select(group => group.First())
        .OrderBy(descriptor => descriptor.Id, StringComparer.Ordinal)
        .ToList();

    public static string Generate()
    {
        var text = new StringBuilder();
        text.Append("| ID | Title | Severity |\n");
        text.Append("| --- | --- | --- |\n");
        foreach (var descriptor in Descriptors())
        {
            var title = descriptor.Title.ToString().Replace("|", "\\|", StringComparison.Ordinal);
            text.Append($"| [{descriptor.Id}]({descriptor.HelpLinkUri}) | {title} | {descriptor.DefaultSeverity} |\n");
        }

        return text.ToString();
    }
}
