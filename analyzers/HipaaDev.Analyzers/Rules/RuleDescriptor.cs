using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Rules;

/// <summary>Creates every rule's descriptor the same way: one category, on by default, help link to the rule's page.</summary>
internal static class RuleDescriptor
{
    public const string Category = "HipaaDev.Privacy";

    public static DiagnosticDescriptor Warning(string id, string title, string message, string description, params string[] customTags) =>
        Create(id, title, message, description, DiagnosticSeverity.Warning, customTags);

    public static DiagnosticDescriptor Info(string id, string title, string message, string description, params string[] customTags) =>
        Create(id, title, message, description, DiagnosticSeverity.Info, customTags);

    private static DiagnosticDescriptor Create(
        string id, string title, string message, string description, DiagnosticSeverity severity, string[] customTags) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: HelpLinks.ForRule(id), customTags: customTags);
}
