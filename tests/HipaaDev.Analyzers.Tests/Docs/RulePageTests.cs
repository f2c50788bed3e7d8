using System.IO;
using System.Text.RegularExpressions;
using HipaaDev.Analyzers.Rules;
using Microsoft.CodeAnalysis;

namespace HipaaDev.Analyzers.Tests.Docs;

/// <summary>Every rule has a help link to a page the site publishes, and the page says what the code does.</summary>
public sealed partial class RulePageTests
{
    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var descriptor in RulesTable.Descriptors())
        {
            data.Add(descriptor.Id);
        }

        return data;
    }

    private static DiagnosticDescriptor Descriptor(string id) => RulesTable.Descriptors().Single(d => d.Id == id);

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void HelpLink_IsTheRulePageOnTheSite(string id)
    {
        Assert.Equal(HelpLinks.ForRule(id), Descriptor(id).HelpLinkUri);
        Assert.Equal($"{HelpLinks.SiteBaseUrl}/analyzer/rules/{id.ToLowerInvariant()}/", Descriptor(id).HelpLinkUri);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RulePage_ExistsAsARulePageWithTheDescriptorsTitle(string id)
    {
        // The site publishes analyzers/docs/rules/{ID}.md at /analyzer/rules/{id}/ (site/README.md).
        var path = Path.Combine(RepositoryPaths.RulesFolder, id + ".md");
        Assert.True(File.Exists(path), $"{path} is missing: every supported diagnostic needs a rule page.");
        var frontMatter = FrontMatter(File.ReadAllText(path));
        Assert.Equal("rule", frontMatter.GetValueOrDefault("kind"));
        Assert.Equal($"{id}: {Descriptor(id).Title}", frontMatter.GetValueOrDefault("title"));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RulePage_FollowsTheTemplate(string id)
    {
        var headings = File.ReadAllLines(Path.Combine(RepositoryPaths.RulesFolder, id + ".md"))
            .Where(line => line.StartsWith("## ", StringComparison.Ordinal))
            .Select(line => line[3..].Trim())
            .ToList();
        // Warnings say what is wrong and how to fix it; the inventory (Info, off by default) reports no problem.
        var template = Descriptor(id).DefaultSeverity == DiagnosticSeverity.Warning
            ? new[] { "Cause", "Why it matters", "How to fix", "Non-compliant example", "Compliant example", "Configuration", "Suppressing a warning" }
            : new[] { "What it is for", "Switching it on", "What each entry carries", "Turning the list into a document", "Configuration" };
        Assert.Equal(template, headings);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RulePage_QuotesTheMessageAsTheCodeWritesIt(string id)
    {
        // The fixed text after the last placeholder is the message's advice; the page must quote it verbatim.
        var format = Descriptor(id).MessageFormat.ToString();
        var advice = format[(format.LastIndexOf('}') + 1)..].TrimStart('\'', ' ');
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.RulesFolder, id + ".md"));
        Assert.Contains(advice, page, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void RulesIndex_ListsTheRule(string id)
    {
        var index = File.ReadAllText(Path.Combine(RepositoryPaths.RulesFolder, "index.md"));
        Assert.Contains($"| [{id}](/analyzer/rules/{id.ToLowerInvariant()}/) | {Descriptor(id).Title} |", index, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryOptionKey_IsDocumentedInTheConfigurationReference()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.RulesFolder, "configuration.md"));
        foreach (var key in new[] { Policy.ChannelPolicy.OptionKey, HipaaDevOptions.MaxCallDepthKey, HipaaDevOptions.AnalyzeGeneratedCodeKey, HipaaDevOptions.DataClassificationIsPhiKey, HipaaDevOptions.InventoryKey })
        {
            Assert.Contains($"| `{key}` |", page, StringComparison.Ordinal);
        }

        Assert.Contains($"| `{HipaaDevOptions.MaxCallDepthKey}` | `{Analyzers.Flow.PhiFlowSession.DefaultMaxCallDepth}` |", page, StringComparison.Ordinal);
        Assert.Contains(HipaaDev.CodeFixes.PhiInMessageBodyCodeFix.PlaceholderChannel, page, StringComparison.Ordinal);
        Assert.Contains(HipaaDev.CodeFixes.PhiInSubjectCodeFix.NeutralSubject, page, StringComparison.Ordinal);
    }

    [Fact]
    public void SiteBaseUrl_MatchesSiteYml()
    {
        var siteYml = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "site", "site.yml"));
        var match = BaseUrlLine().Match(siteYml);
        Assert.True(match.Success, "site/site.yml has no base_url line.");
        Assert.Equal(HelpLinks.SiteBaseUrl, match.Groups[1].Value.Trim().Trim('"', '\''));
    }

    private static Dictionary<string, string> FrontMatter(string page)
    {
        var lines = page.ReplaceLineEndings("\n").Split('\n');
        Assert.Equal("---", lines[0]);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).TakeWhile(line => line != "---"))
        {
            var match = TopLevelKey().Match(line);
            if (match.Success)
            {
                values[match.Groups[1].Value] = match.Groups[2].Value.Trim().Trim('"');
            }
        }

        return values;
    }

    [GeneratedRegex(@"^base_url:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex BaseUrlLine();

    [GeneratedRegex(@"^([a-z_]+):\s*(.*)$")]
    private static partial Regex TopLevelKey();
}
