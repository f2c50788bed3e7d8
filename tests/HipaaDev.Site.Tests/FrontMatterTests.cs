using HipaaDev.Site.Content;
using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

public sealed class FrontMatterTests
{
    private const string Path = "site/content/guidance/sample.md";

    private static IReadOnlyList<BuildDiagnostic> Read(string text) =>
        FrontMatterReader.Read(text.ReplaceLineEndings("\n"), Path).Diagnostics;

    [Fact]
    public void ValidTopicFrontMatter_ReadsEveryKey()
    {
        var result = FrontMatterReader.Read(SampleContent.Topic.ReplaceLineEndings("\n"), Path);

        Assert.Empty(result.Diagnostics);
        var frontMatter = result.FrontMatter!;
        Assert.Equal(PageKind.Topic, frontMatter.Kind);
        Assert.Equal(new DateOnly(2025, 1, 15), frontMatter.LastReviewed);
        Assert.Equal(["Practice managers", "Patient access teams"], frontMatter.Audience);
        Assert.Equal("45 CFR 164.530(c)", frontMatter.Sources[0].Cite);
        Assert.Equal("2008-12-15", frontMatter.Sources[1].Date);
        Assert.Equal("/guidance/staff-checklist/", frontMatter.Cta!.Link);
        Assert.Equal(["/old/email/", "/email-rules/"], frontMatter.RedirectFrom);
        Assert.Equal(1, frontMatter.Order);
        Assert.Equal(9, frontMatter.LineOf(FrontMatterKeys.LastReviewed));
    }

    [Fact]
    public void UnknownKey_IsReportedAtItsLineWithTheClosestKnownKey()
    {
        var diagnostics = Read("""
            ---
            title: A page
            description: One sentence.
            kind: reference
            last_reviewd: 2025-01-01
            ---
            Body.
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(Path, diagnostic.File);
        Assert.Equal(5, diagnostic.Line);
        Assert.Contains("Unknown front matter key 'last_reviewd'", diagnostic.Message);
        Assert.Contains("Did you mean 'last_reviewed'?", diagnostic.Fix);
        Assert.StartsWith($"{Path}:5: ", diagnostic.ToString());
    }

    [Fact]
    public void MissingTitle_IsReportedWithWhatToAdd()
    {
        var diagnostics = Read("""
            ---
            description: One sentence.
            kind: reference
            ---
            Body.
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Contains("'title' is missing", diagnostic.Message);
        Assert.Contains("title: ...", diagnostic.Fix);
        Assert.Equal(2, diagnostic.Line);
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("2025-02-30")]
    [InlineData("15/01/2025")]
    [InlineData("soon")]
    public void BadDate_IsReportedAtTheDateLine(string date)
    {
        var diagnostics = Read($"""
            ---
            title: A rule
            description: One sentence.
            kind: rule
            last_reviewed: {date}
            ---
            Body.
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(5, diagnostic.Line);
        Assert.Contains($"'{date}' is not a date in the form YYYY-MM-DD", diagnostic.Message);
    }

    [Fact]
    public void YamlSyntaxError_IsReportedAtTheBrokenLine()
    {
        var diagnostics = Read("""
            ---
            title: A page
            description: One sentence.
            kind: reference
            audience: [Practice managers
            order: 3
            ---
            Body.
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Contains("not valid YAML", diagnostic.Message);
        Assert.InRange(diagnostic.Line, 5, 7);
    }

    [Fact]
    public void WrongKind_ListsTheKinds()
    {
        var diagnostic = Assert.Single(Read("""
            ---
            title: A page
            description: One sentence.
            kind: blog
            ---
            """));

        Assert.Equal(4, diagnostic.Line);
        Assert.Contains("'blog' is not a page kind", diagnostic.Message);
        Assert.Contains("topic", diagnostic.Fix);
    }

    [Fact]
    public void GuidancePageWithoutItsGuidanceKeys_ReportsEachMissingKey()
    {
        var diagnostics = Read("""
            ---
            title: A topic
            description: One sentence.
            kind: topic
            ---
            """);

        var missing = diagnostics.Select(d => d.Message).ToList();
        Assert.Contains("Required front matter key 'summary' is missing.", missing);
        Assert.Contains("Required front matter key 'audience' is missing.", missing);
        Assert.Contains("Required front matter key 'last_reviewed' is missing.", missing);
        Assert.Contains("Required front matter key 'sources' is missing.", missing);
        Assert.Equal(4, diagnostics.Count);
    }

    [Fact]
    public void UnknownKeyInsideASource_IsReportedAtItsLine()
    {
        var diagnostics = Read("""
            ---
            title: A page
            description: One sentence.
            kind: reference
            sources:
              - title: Privacy Rule
                citation: 45 CFR 164.530
            ---
            """);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(7, diagnostic.Line);
        Assert.Contains("Unknown key 'citation' in a source", diagnostic.Message);
        Assert.Contains("Did you mean 'cite'?", diagnostic.Fix);
    }

    [Fact]
    public void DescriptionLongerThan160Characters_IsReported()
    {
        var diagnostic = Assert.Single(Read($"""
            ---
            title: A page
            description: {new string('x', 161)}
            kind: reference
            ---
            """));

        Assert.Equal(3, diagnostic.Line);
        Assert.Contains("161 characters", diagnostic.Message);
    }

    [Fact]
    public void FileWithoutFrontMatter_IsReportedAtLineOne()
    {
        var diagnostic = Assert.Single(Read("Just text."));
        Assert.Equal(1, diagnostic.Line);
        Assert.Contains("does not start with front matter", diagnostic.Message);
    }

    [Fact]
    public async Task Build_CollectsFrontMatterErrorsFromEveryFileBeforeFailing()
    {
        using var site = new TestSite()
            .Write("site/content/guidance/one.md", """
                ---
                title: One
                description: First broken page.
                kind: reference
                colour: blue
                ---
                """)
            .Write("site/content/guidance/two.md", """
                ---
                description: Second broken page.
                kind: reference
                ---
                """);

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.File == "site/content/guidance/one.md" && d.Line == 5 && d.Message.Contains("'colour'"));
        Assert.Contains(result.Diagnostics, d => d.File == "site/content/guidance/two.md" && d.Message.Contains("'title' is missing"));
        Assert.False(Directory.Exists(site.OutputFolder));
    }
}
