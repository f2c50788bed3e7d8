using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

/// <summary>
/// Preview rebuilds reuse earlier work (unchanged files, rendered pages, check results). These tests make sure a
/// rebuild still sees every problem a full build would.
/// </summary>
public sealed class IncrementalRebuildTests
{
    private const string ChecklistPath = "site/content/guidance/staff-checklist.md";

    private static async Task<(TestSite Site, SiteBuilder Builder)> StartAsync()
    {
        var site = new TestSite();
        var builder = new SiteBuilder(site.Options);
        var first = await builder.RunAsync(PublishMode.Staged);
        Assert.True(first.Succeeded, string.Join('\n', first.Diagnostics));
        return (site, builder);
    }

    [Fact]
    public async Task RenamingAHeading_BreaksAnAnchorOnAnUnchangedPage()
    {
        var (site, builder) = await StartAsync();
        using var _ = site;
        var checklist = File.ReadAllText(Path.Combine(site.Root, ChecklistPath));
        site.Write(ChecklistPath, checklist.Replace("## Before you send", "## Before sending", StringComparison.Ordinal));

        var result = await builder.RunAsync(PublishMode.InPlace);

        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(SampleContent.TopicPath, diagnostic.File);
        Assert.Contains("Anchor '#before-you-send' does not exist on /guidance/staff-checklist/", diagnostic.Message);
    }

    [Fact]
    public async Task ProblemOnAnUnchangedPage_IsStillReportedAfterAnotherPageChanges()
    {
        var (site, builder) = await StartAsync();
        using var _ = site;
        site.Write("site/content/reference/glossary.md", File.ReadAllText(Path.Combine(site.Root, "site/content/reference/glossary.md")) + "\n[Broken](/nowhere/)\n");
        Assert.False((await builder.RunAsync(PublishMode.InPlace)).Succeeded);

        var checklist = File.ReadAllText(Path.Combine(site.Root, ChecklistPath));
        site.Write(ChecklistPath, checklist + "\nOne more sentence.\n");
        var result = await builder.RunAsync(PublishMode.InPlace);

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("site/content/reference/glossary.md", diagnostic.File);
    }

    [Fact]
    public async Task BodyEdit_RewritesOnlyThatPage()
    {
        var (site, builder) = await StartAsync();
        using var _ = site;
        var checklist = File.ReadAllText(Path.Combine(site.Root, ChecklistPath));
        site.Write(ChecklistPath, checklist + "\nA new closing sentence.\n");

        var result = await builder.RunAsync(PublishMode.InPlace);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Equal(1, result.FilesWritten);
        Assert.Contains("A new closing sentence.", site.ReadOutput("guidance/staff-checklist/index.html"));
    }

    [Fact]
    public async Task TitleEdit_RerendersThePagesThatShowIt()
    {
        var (site, builder) = await StartAsync();
        using var _ = site;
        var checklist = File.ReadAllText(Path.Combine(site.Root, ChecklistPath));
        site.Write(ChecklistPath, checklist.Replace("title: Staff checklist before sending", "title: Front desk checklist", StringComparison.Ordinal));

        var result = await builder.RunAsync(PublishMode.InPlace);

        Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
        Assert.Contains("Front desk checklist", site.ReadOutput("guidance/index.html"));
        Assert.Contains("Front desk checklist", site.ReadOutput("guidance/email-rules/index.html"));
    }
}
