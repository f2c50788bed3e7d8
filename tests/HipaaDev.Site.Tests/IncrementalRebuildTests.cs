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

    /// <summary>
    /// After each edit of a sequence, the preview's rebuild leaves exactly the files a full build of the same input
    /// makes: same names, same bytes. The title edit keeps the file's length and lands within one time stamp tick.
    /// </summary>
    [Fact]
    public async Task IncrementalRebuild_AfterEachEdit_EqualsAFullBuildByteForByte()
    {
        using var site = new TestSite();
        var assets = Path.Combine(site.Root, "site", "assets");
        CopyFolder(Path.Combine(RealRepository.Root, "site", "assets"), assets);
        var options = site.Options with { AssetsRoot = assets };
        var builder = new SiteBuilder(options);
        Assert.True((await builder.RunAsync(PublishMode.Staged)).Succeeded);

        var checklist = File.ReadAllText(Path.Combine(site.Root, ChecklistPath));
        var edits = new (string What, Action Edit)[]
        {
            ("title of a page in the menu whose anchors another page links to", () =>
                site.Write(ChecklistPath, checklist.Replace("title: Staff checklist before sending", "title: Staff checklist before mailing", StringComparison.Ordinal))),
            ("new page", () => site.Write("site/content/guidance/new-page.md", """
                ---
                title: A new page
                description: A page added while the preview runs.
                kind: reference
                order: 1
                ---
                Some text.
                """)),
            ("deleted page", () => site.Delete("site/content/guidance/new-page.md")),
            ("stylesheet", () => File.AppendAllText(Path.Combine(assets, "css", "20-base.css"), "\n.added-by-a-test { color: inherit; }\n")),
        };

        for (var step = 0; step < edits.Length; step++)
        {
            edits[step].Edit();
            var rebuild = await builder.RunAsync(PublishMode.InPlace);
            Assert.True(rebuild.Succeeded, $"{edits[step].What}: " + string.Join('\n', rebuild.Diagnostics));

            var fullOutput = Path.Combine(site.Root, $"full-{step}", "output");
            var full = await SiteBuilder.BuildAsync(options with { OutputFolder = fullOutput });
            Assert.True(full.Succeeded, $"{edits[step].What}: " + string.Join('\n', full.Diagnostics));
            AssertSameFiles(fullOutput, site.OutputFolder, edits[step].What);
        }

        Assert.Contains("Staff checklist before mailing", site.ReadOutput("guidance/index.html"));
    }

    private static void AssertSameFiles(string expectedFolder, string actualFolder, string afterEdit)
    {
        static SortedSet<string> Files(string folder) =>
            new(Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)), StringComparer.Ordinal);

        var expected = Files(expectedFolder);
        Assert.Equal(expected, Files(actualFolder));
        foreach (var file in expected)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(expectedFolder, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(actualFolder, file))),
                $"After the edit '{afterEdit}', {file} differs from a full build.");
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
