using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

/// <summary>
/// Checks find lines in the Markdown syntax tree and anchors in a set of ids. These tests pin the behaviour that
/// made them linear: the right line when the same text is in the front matter, and the right answer for every
/// anchor on a page with many headings that differ only in their numbered suffix.
/// </summary>
public sealed class CheckLineTests
{
    [Fact]
    public async Task BrokenLink_WhoseTextIsAlsoInTheFrontMatter_IsReportedAtItsBodyLine()
    {
        using var site = new TestSite().Write("site/content/reference/moved.md", """
            ---
            title: Moved page
            description: This used to be /guidance/nowhere/ on the old site.
            kind: reference
            ---
            Intro.

            See [the old page](/guidance/nowhere/).
            """);

        var result = await site.BuildAsync();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(8, diagnostic.Line);
    }

    [Fact]
    public async Task InlineScript_IsReportedAtTheLineOfItsHtml()
    {
        using var site = new TestSite().Write("site/content/reference/script.md", """
            ---
            title: Script page
            description: Mentions <script> in its description.
            kind: reference
            ---
            Intro.

            More.

            <script>alert(1)</script>
            """);

        var result = await site.BuildAsync();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains("inline <script>", diagnostic.Message);
        Assert.Equal(10, diagnostic.Line);
    }

    [Fact]
    public async Task ManyHeadingsWithTheSameText_EveryNumberedAnchorResolvesAndOnlyTheMissingOneIsReported()
    {
        const int count = 500;
        var body = new System.Text.StringBuilder();
        for (var i = 0; i < count; i++)
        {
            body.Append("## Step\n\n");
            // Markdig numbers repeated heading ids: step, step-1, step-2, ...
            body.Append("Go to [the next step](#").Append(i + 1 < count ? $"step-{i + 1}" : "step").Append(").\n\n");
        }

        body.Append("Broken: [past the end](#step-").Append(count).Append(").\n");
        using var site = new TestSite().Write("site/content/reference/steps.md", "---\ntitle: Steps\ndescription: Many steps.\nkind: reference\n---\n" + body);

        var result = await site.BuildAsync();

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal($"Anchor '#step-{count}' does not exist on /reference/steps/.", diagnostic.Message);
        Assert.Equal(6 + (4 * count), diagnostic.Line);
        Assert.Contains("#step, #step-1", diagnostic.Fix);
    }
}
