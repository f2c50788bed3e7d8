using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

/// <summary>The build-time checks, each run through a whole build of a small site with one defect added.</summary>
public sealed class ContentCheckTests
{
    private static string Reference(string body) => $"""
        ---
        title: Broken page
        description: A page with a defect.
        kind: reference
        ---
        {body}
        """;

    private static async Task<IReadOnlyList<BuildDiagnostic>> FailingBuildAsync(TestSite site)
    {
        var result = await site.BuildAsync();
        Assert.False(result.Succeeded, "The build should have failed.");
        return result.Diagnostics;
    }

    [Fact]
    public async Task SampleSite_BuildsWithoutProblems()
    {
        using var site = new TestSite();
        var result = await site.BuildSuccessfullyAsync();
        // Eight Markdown pages, plus the generated 404 and all-pages pages.
        Assert.Equal(10, result.PageCount);
    }

    [Fact]
    public async Task BrokenInternalLink_IsReportedAtItsMarkdownLine()
    {
        using var site = new TestSite().Write("site/content/reference/broken.md", Reference("""
            Intro line.

            See [the missing page](/guidance/does-not-exist/).
            """));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Equal("site/content/reference/broken.md", diagnostic.File);
        Assert.Equal(8, diagnostic.Line);
        Assert.Contains("/guidance/does-not-exist/", diagnostic.Message);
    }

    [Fact]
    public async Task LinkWithoutTrailingSlash_SuggestsTheSlash()
    {
        using var site = new TestSite().Write("site/content/reference/broken.md", Reference("See [email](/guidance/email-rules)."));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Contains("Add the trailing slash: /guidance/email-rules/.", diagnostic.Fix);
    }

    [Fact]
    public async Task RelativeLink_IsReported()
    {
        using var site = new TestSite().Write("site/content/reference/broken.md", Reference("See [email](../guidance/email-rules/)."));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Contains("is relative", diagnostic.Message);
    }

    [Fact]
    public async Task BrokenAnchor_IsReportedWithTheTargetPagesAnchors()
    {
        using var site = new TestSite().Write("site/content/reference/broken.md", Reference("""
            Good: [FAQs](/guidance/email-rules/#frequently-asked-questions).

            Bad: [FAQs](/guidance/email-rules/#faqs).
            """));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Equal(8, diagnostic.Line);
        Assert.Contains("Anchor '#faqs' does not exist on /guidance/email-rules/", diagnostic.Message);
        Assert.Contains("#frequently-asked-questions", diagnostic.Fix);
    }

    [Fact]
    public async Task BrokenSamePageAnchor_IsReported()
    {
        using var site = new TestSite().Write("site/content/reference/broken.md", Reference("""
            ## Real heading

            Jump to [nowhere](#not-a-heading) or [the heading](#real-heading).
            """));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Contains("'#not-a-heading'", diagnostic.Message);
    }

    [Fact]
    public async Task DuplicateUrls_AreReported()
    {
        using var site = new TestSite().Write("site/content/guidance/email-rules/index.md", Reference("Same URL as email-rules.md."));

        var diagnostics = await FailingBuildAsync(site);
        Assert.Contains(diagnostics, d => d.Message.Contains("URL /guidance/email-rules/ is already used by"));
    }

    [Fact]
    public async Task RedirectFromALivePage_IsReported()
    {
        using var site = new TestSite().Write("site/content/reference/moved.md", """
            ---
            title: Moved
            description: Claims an existing page's URL as an old address.
            kind: reference
            redirect_from: [/guidance/]
            ---
            Body.
            """);

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Equal(5, diagnostic.Line);
        Assert.Contains("redirect_from /guidance/ is already used by site/content/guidance/index.md", diagnostic.Message);
    }

    [Fact]
    public async Task MissingRelatedAndCtaTargets_AreReportedAtTheirFrontMatterLines()
    {
        using var site = new TestSite().Write(SampleContent.TopicPath, SampleContent.Topic
            .Replace("related: [/guidance/staff-checklist/]", "related: [/guidance/gone/]")
            .Replace("link: /guidance/staff-checklist/", "link: /tools/gone/"));

        var diagnostics = await FailingBuildAsync(site);
        Assert.Contains(diagnostics, d => d.Line == 16 && d.Message == "Related page /guidance/gone/ does not exist.");
        Assert.Contains(diagnostics, d => d.Line == 21 && d.Message.Contains("/tools/gone/"));
    }

    [Fact]
    public async Task NextStepsLeavingTheSite_AreReported()
    {
        using var site = new TestSite().Write(SampleContent.TopicPath,
            SampleContent.Topic.Replace("- [Staff checklist](/guidance/staff-checklist/)", "- [HHS](https://www.hhs.gov/)"));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Contains("Next step 'https://www.hhs.gov/' leaves the site", diagnostic.Message);
    }

    [Fact]
    public async Task FaqLinkToAMissingPage_IsReported()
    {
        using var site = new TestSite().Write(SampleContent.TopicPath,
            SampleContent.Topic.Replace("(/guidance/staff-checklist/#before-you-send)", "(/guidance/nothing-here/)"));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Contains("/guidance/nothing-here/", diagnostic.Message);
    }

    [Fact]
    public async Task GuidanceWithoutARegulationCitation_IsReported()
    {
        using var site = new TestSite().Write(SampleContent.TopicPath, SampleContent.Topic.Replace("    cite: 45 CFR 164.530(c)\n", string.Empty));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Contains("None of this guidance page's sources cites a regulation", diagnostic.Message);
        Assert.Equal(10, diagnostic.Line);
    }

    [Fact]
    public async Task ReviewDateInTheFuture_IsReported()
    {
        using var site = new TestSite().Write(SampleContent.TopicPath, SampleContent.Topic.Replace("last_reviewed: 2025-01-15", "last_reviewed: 2999-01-01"));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Equal(9, diagnostic.Line);
        Assert.Contains("in the future", diagnostic.Message);
    }

    [Fact]
    public async Task ImagesWithoutAltText_AreReportedInMarkdownAndRawHtml()
    {
        using var site = new TestSite().Write("site/content/reference/broken.md", Reference("""
                ![](/favicon.svg)

                <img src="/favicon.ico">

                ![The site logo](/favicon.svg)
                """));

        var diagnostics = await FailingBuildAsync(site);
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Line == 6 && d.Message.Contains("'/favicon.svg' has no alt text"));
        Assert.Contains(diagnostics, d => d.Line == 8 && d.Message.Contains("'/favicon.ico' has no alt text"));
    }

    [Fact]
    public async Task FencedCodeWithoutLanguage_IsReportedAtTheFence()
    {
        using var site = new TestSite().Write("site/content/reference/broken.md", Reference("""
            Text.

            ```
            var x = 1;
            ```
            """));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Equal(8, diagnostic.Line);
        Assert.Contains("does not declare a language", diagnostic.Message);
    }

    [Fact]
    public async Task InlineScriptAndStyleInContent_AreReported()
    {
        using var site = new TestSite().Write("site/content/reference/broken.md", Reference("""
            <script>alert(1)</script>

            <p style="color: red">Red</p>

            <button onclick="go()">Go</button>
            """));

        var diagnostics = await FailingBuildAsync(site);
        Assert.Contains(diagnostics, d => d.Line == 6 && d.Message.Contains("inline <script>"));
        Assert.Contains(diagnostics, d => d.Line == 8 && d.Message.Contains("style attribute"));
        Assert.Contains(diagnostics, d => d.Line == 10 && d.Message.Contains("'onclick'"));
    }

    [Fact]
    public async Task SecondH1InTheBody_IsReported()
    {
        using var site = new TestSite().Write("site/content/reference/broken.md", Reference("# Another title"));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Equal(6, diagnostic.Line);
        Assert.Contains("2 h1 headings", diagnostic.Message);
    }

    [Fact]
    public async Task DuplicateIds_AreReportedAtTheFirstHeadingWithThatId()
    {
        using var site = new TestSite().Write("site/content/reference/broken.md", Reference("""
            ## Costs {#fees}

            Text.

            <p id="fees">Fees</p>
            """));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Equal(6, diagnostic.Line);
        Assert.Contains("The id 'fees' is used 2 times", diagnostic.Message);
    }

    [Fact]
    public async Task NextStepsWithoutLinks_AreReportedAtTheirHeading()
    {
        using var site = new TestSite().Write(SampleContent.TopicPath, SampleContent.Topic
            .Replace("- [Staff checklist](/guidance/staff-checklist/)\n- [Glossary](/reference/glossary/#phi)", "Ask your privacy officer."));

        var diagnostic = Assert.Single(await FailingBuildAsync(site));
        Assert.Contains("The 'Next steps' section has no links", diagnostic.Message);
        Assert.Equal(SampleContent.Topic.Split('\n').ToList().IndexOf("## Next steps") + 1, diagnostic.Line);
    }

    [Fact]
    public async Task MarkdownChecks_SeeImagesAndFencesNestedInListsAndQuotes()
    {
        using var site = new TestSite().Write("site/content/reference/broken.md", Reference("""
            - A list item with an image: ![](/favicon.svg)

            > ```
            > quoted code
            > ```
            """));

        var diagnostics = await FailingBuildAsync(site);
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Line == 6 && d.Message.Contains("'/favicon.svg' has no alt text"));
        Assert.Contains(diagnostics, d => d.Line == 8 && d.Message.Contains("does not declare a language"));
    }

    [Fact]
    public async Task DraftPages_AreNotPublished()
    {
        using var site = new TestSite().Write("site/content/reference/draft.md", """
            ---
            title: Unfinished
            description: Not ready.
            kind: reference
            draft: true
            ---
            Body.
            """);

        await site.BuildSuccessfullyAsync();
        Assert.False(File.Exists(Path.Combine(site.OutputFolder, "reference", "draft", "index.html")));
    }
}
