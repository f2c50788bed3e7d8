using HipaaDev.Analyzers.Policy;
using Microsoft.CodeAnalysis;

namespace HipaaDev.CodeFixes;

/// <summary>Reads the project's approved-channel policy the way the analyzer does (global config first, then the file's).</summary>
internal static class PolicyOptions
{
    /// <summary>The raw <c>hipaa_dev.approved_channels</c> value, or null when the key is absent.</summary>
    public static string? RawValue(Document document, SyntaxTree tree)
    {
        var provider = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider;
        if (provider.GlobalOptions.TryGetValue(ChannelPolicy.OptionKey, out var global))
        {
            return global;
        }

        return provider.GetOptions(tree).TryGetValue(ChannelPolicy.OptionKey, out var local) ? local : null;
    }

    public static ChannelPolicy Policy(Document document, SyntaxTree tree) =>
        RawValue(document, tree) is { } value ? ChannelPolicy.Parse(value).Policy : ChannelPolicy.AcceptAll;
}
