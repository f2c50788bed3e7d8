using HipaaDev.Site.Publishing;
using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

/// <summary>The staging folder and the swap: what a killed build leaves behind, and the moment of the swap.</summary>
public sealed class StagingTests
{
    [Fact]
    public async Task StagingFoldersOfKilledBuilds_AreRemovedByTheNextBuild()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();
        var siteFolder = Path.Combine(site.Root, "site");
        foreach (var leftover in new[] { ".output-0123456789abcdef", ".output-fedcba9876543210-previous" })
        {
            Directory.CreateDirectory(Path.Combine(siteFolder, leftover, "guidance"));
            File.WriteAllText(Path.Combine(siteFolder, leftover, "guidance", "index.html"), "half-written");
        }

        // Even a build that fails cleans up: the leftovers belong to no running build.
        site.Write("site/content/reference/broken.md", "---\ntitle: Broken\nkind: nonsense\n---\n");
        Assert.False((await site.BuildAsync()).Succeeded);

        Assert.Empty(Directory.GetDirectories(siteFolder, ".output-*"));
        Assert.Contains("Glossary", site.ReadOutput("reference/glossary/index.html"));
    }

    [Fact]
    public async Task BuildKilledBetweenTheTwoRenames_GetsItsLastGoodOutputBack()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();
        Directory.Move(site.OutputFolder, Path.Combine(site.Root, "site", ".output-0123456789abcdef-previous"));

        site.Write("site/content/reference/broken.md", "---\ntitle: Broken\nkind: nonsense\n---\n");
        Assert.False((await site.BuildAsync()).Succeeded);

        Assert.Contains("Glossary", site.ReadOutput("reference/glossary/index.html"));
        Assert.Empty(Directory.GetDirectories(Path.Combine(site.Root, "site"), ".output-*"));
    }

    [Fact]
    public async Task SecondBuildOfTheSameOutput_WhileOneRuns_IsRefused()
    {
        using var site = new TestSite();
        using (OutputFolder.TryLock(site.OutputFolder))
        {
            var result = await site.BuildAsync();

            Assert.False(result.Succeeded);
            Assert.Contains("Another build is writing", Assert.Single(result.Diagnostics).Message);
        }

        await site.BuildSuccessfullyAsync();
    }

    /// <summary>
    /// On Linux the swap is one atomic exchange. A reader polling the output folder during many swaps must never
    /// find it missing (with two renames it would, between them).
    /// </summary>
    [Fact]
    public void Swap_LeavesNoMomentWithoutTheOutputFolder()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var site = new TestSite();
        Directory.CreateDirectory(site.OutputFolder);
        var missing = 0;
        var done = false;
        var watcher = new Thread(() =>
        {
            while (!Volatile.Read(ref done))
            {
                if (!Directory.Exists(site.OutputFolder))
                {
                    Interlocked.Increment(ref missing);
                }
            }
        });
        watcher.Start();
        for (var i = 0; i < 300; i++)
        {
            var staging = OutputFolder.CreateStaging(site.OutputFolder);
            File.WriteAllText(Path.Combine(staging, "index.html"), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            OutputFolder.Swap(staging, site.OutputFolder);
        }

        Volatile.Write(ref done, true);
        watcher.Join();

        Assert.Equal(0, missing);
        Assert.Equal("299", File.ReadAllText(Path.Combine(site.OutputFolder, "index.html")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(site.Root, "site"), ".output-*"));
    }
}
