using System.Text;
using HipaaDev.Site.Publishing;
using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

/// <summary>
/// Input that must never ship: file names that are not URLs, symbolic links, unsafe site paths, invalid UTF-8 and
/// input that makes a library throw. Each fails the build with a diagnostic naming the file, writes nothing, and
/// leaves the previous output as it was.
/// </summary>
public sealed class UnsafeInputTests
{
    private const string Page = """
        ---
        title: A page
        description: A page with a name or content the build refuses.
        kind: reference
        ---
        Text.
        """;

    private static async Task<IReadOnlyList<BuildDiagnostic>> FailsWithoutTouchingTheOutputAsync(TestSite site, Action addBadInput)
    {
        await site.BuildSuccessfullyAsync();
        var before = Snapshot(site.Root);
        addBadInput();
        var added = Snapshot(site.Root).Keys.Except(before.Keys).ToHashSet();

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded, "The build should have failed.");
        var after = Snapshot(site.Root);
        Assert.Equal(before.Keys.Concat(added).Order(), after.Keys.Order());
        Assert.All(before, file => Assert.Equal(file.Value, after[file.Key]));
        return result.Diagnostics;
    }

    [Theory]
    [InlineData("site/content/robots.txt.md")]
    [InlineData("site/content/sitemap.xml.md")]
    [InlineData("site/content/404.html.md")]
    [InlineData("site/content/_redirects.md")]
    [InlineData("site/content/..md")]
    [InlineData("site/content/...md")]
    [InlineData("site/content/.md")]
    [InlineData("site/content/guidance\\..\\..\\evil.md")]
    [InlineData("site/content/guidance\\evil.md")]
    [InlineData("site/content/Guidance/Email.md")]
    [InlineData("site/content/a page.md")]
    [InlineData("site/content/assets/site.md")]
    [InlineData("site/content/pagefind/index.md")]
    [InlineData("analyzers/docs/rules/robots.txt.md")]
    public async Task ContentFile_WhoseNameIsNotAUrl_IsADiagnosticAndNeverAWrite(string file)
    {
        using var site = new TestSite();

        var diagnostics = await FailsWithoutTouchingTheOutputAsync(site, () => site.Write(file, Page));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(file, diagnostic.File);
        Assert.Contains("Rename", diagnostic.Fix);
    }

    [Fact]
    public async Task RedirectFrom_ThatNormalisesToAnotherUrl_IsReported()
    {
        using var site = new TestSite().Write("site/content/reference/moved.md", Page.Replace("kind: reference", "kind: reference\nredirect_from: [/404.html/]"));

        var result = await site.BuildAsync();

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("redirect_from /404.html/ is already used by the generator's own page", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("redirect_from: [\"/old/ /evil/ 200\"]", 5)]
    [InlineData("redirect_from: [\"/old/\\n/* https://evil.example/ 200!\"]", 5)]
    [InlineData("redirect_from: [\"/old/\\t/\"]", 5)]
    [InlineData("redirect_from: [\"/old/\\n/*\\thttps://evil.example/\"]", 5)]
    [InlineData("redirect_from: [\"/*\"]", 5)]
    [InlineData("redirect_from: [\"/:splat/\"]", 5)]
    [InlineData("redirect_from: [/old/../admin/]", 5)]
    [InlineData("redirect_from: [/Old/]", 5)]
    [InlineData("redirect_from: [/old/#anchor]", 5)]
    [InlineData("redirect_from: [/old]", 5)]
    [InlineData("redirect_from: [\"/old/\\u0000/\"]", 5)]
    [InlineData("related: [\"/guidance/ https://evil.example/\"]", 5)]
    [InlineData("cta: {text: Go, label: Go, link: \"/guidance/\\n/* /x/ 200\"}", 5)]
    public async Task FrontMatterSitePath_OutsideTheGrammar_IsReportedAtItsLine(string entry, int line)
    {
        using var site = new TestSite();

        var diagnostics = await FailsWithoutTouchingTheOutputAsync(site, () => site.Write("site/content/reference/moved.md", Page.Replace("kind: reference", "kind: reference\n" + entry)));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("site/content/reference/moved.md", diagnostic.File);
        Assert.Equal(line, diagnostic.Line);
        Assert.Contains("is not a site path", diagnostic.Message);
        Assert.DoesNotContain('\n', diagnostic.Message);
    }

    [Fact]
    public async Task Redirects_HoldOnlyGrammaticalPaths()
    {
        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();

        var rules = site.ReadOutput("_redirects").Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#'));
        Assert.All(rules, rule => Assert.Matches(@"\A/[a-z0-9/_.-]*/ /[a-z0-9/_-]*/ 301\z", rule));
    }

    [Fact]
    public async Task InvalidUtf8_IsReportedAtItsLine()
    {
        using var site = new TestSite();
        var bytes = Encoding.UTF8.GetBytes(Page.ReplaceLineEndings("\n") + "\nSecond line.\nCaf").Concat(new byte[] { 0xE9, (byte)'\n' }).ToArray();

        var diagnostics = await FailsWithoutTouchingTheOutputAsync(site, () => File.WriteAllBytes(Path.Combine(site.Root, "site/content/reference/latin1.md"), bytes));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("site/content/reference/latin1.md", diagnostic.File);
        Assert.Equal(8, diagnostic.Line);
        Assert.Contains("not valid UTF-8", diagnostic.Message);
    }

    [Fact]
    public async Task ByteOrderMark_IsAccepted()
    {
        using var site = new TestSite();
        File.WriteAllBytes(Path.Combine(site.Root, "site/content/reference/bom.md"), Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Page.ReplaceLineEndings("\n"))).ToArray());

        await site.BuildSuccessfullyAsync();
    }

    [Fact]
    public async Task MarkdownNestedBeyondTheParsersLimit_IsADiagnosticNamingTheFile()
    {
        using var site = new TestSite();

        // Markdig throws on links nested this deep rather than recursing until the stack overflows.
        var diagnostics = await FailsWithoutTouchingTheOutputAsync(site, () => site.Write("site/content/reference/deep.md", Page + new string('[', 100_000)));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("site/content/reference/deep.md", diagnostic.File);
        Assert.Contains("could not be parsed", diagnostic.Message);
    }

    [Theory]
    [InlineData("site/content/reference/outside.md", "file")]
    [InlineData("site/content/reference/inside.md", "file-inside")]
    [InlineData("site/content/reference/dangling.md", "dangling")]
    [InlineData("site/content/reference/loop.md", "loop")]
    [InlineData("site/content/linked-folder", "folder")]
    [InlineData("site/content/reference/self", "folder-loop")]
    [InlineData("analyzers/docs/rules/HIPAA999.md", "file")]
    public async Task SymbolicLink_InContent_IsRefusedWithADiagnostic(string link, string kind)
    {
        using var site = new TestSite();
        var outside = Path.Combine(Path.GetTempPath(), "hipaadev-site-tests", "outside-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(outside);
        File.WriteAllText(Path.Combine(outside, "secret.md"), Page.Replace("Text.", "SECRET-OUTSIDE-THE-REPOSITORY"));
        try
        {
            var linkPath = Path.Combine(site.Root, link);
            var diagnostics = await FailsWithoutTouchingTheOutputAsync(site, () =>
            {
                switch (kind)
                {
                    case "file": File.CreateSymbolicLink(linkPath, Path.Combine(outside, "secret.md")); break;
                    case "file-inside": File.CreateSymbolicLink(linkPath, Path.Combine(site.Root, "site/content/reference/glossary.md")); break;
                    case "dangling": File.CreateSymbolicLink(linkPath, Path.Combine(outside, "missing.md")); break;
                    case "loop": File.CreateSymbolicLink(linkPath, linkPath); break;
                    case "folder": Directory.CreateSymbolicLink(linkPath, outside); break;
                    case "folder-loop": Directory.CreateSymbolicLink(linkPath, Path.Combine(site.Root, "site/content")); break;
                }
            });

            var diagnostic = Assert.Single(diagnostics);
            Assert.Equal(link, diagnostic.File);
            Assert.Contains("is a symbolic link", diagnostic.Message);
            Assert.DoesNotContain(Directory.EnumerateFiles(site.OutputFolder, "*", SearchOption.AllDirectories), f => File.ReadAllText(f).Contains("SECRET-OUTSIDE", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(outside, recursive: true);
        }
    }

    [Fact]
    public async Task SymbolicLink_InStaticAssets_IsRefusedWithADiagnostic()
    {
        using var site = new TestSite();
        var assets = CopyOfTheRealAssets(site);
        var outside = Path.Combine(site.Root, "..", "outside-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(outside, "SECRET-OUTSIDE");
        try
        {
            var result = await site.BuildAsync();
            Assert.True(result.Succeeded, string.Join('\n', result.Diagnostics));
            File.CreateSymbolicLink(Path.Combine(assets, "static", "leak.txt"), outside);

            result = await SiteBuilder.BuildAsync(site.Options with { AssetsRoot = assets });

            Assert.False(result.Succeeded);
            var diagnostic = Assert.Single(result.Diagnostics);
            Assert.Equal("site/assets/static/leak.txt", diagnostic.File);
            Assert.Contains("is a symbolic link", diagnostic.Message);
            Assert.False(File.Exists(Path.Combine(site.OutputFolder, "leak.txt")));
        }
        finally
        {
            File.Delete(outside);
        }
    }

    [Theory]
    [InlineData("page.html", "cannot be HTML")]
    [InlineData("sub/frame.htm", "cannot be HTML")]
    [InlineData("robots.txt", "already written by the generator")]
    [InlineData("sitemap.xml", "already written by the generator")]
    [InlineData("_redirects", "already written by the generator")]
    [InlineData("guidance", "needs a folder 'guidance'")]
    [InlineData("assets/site.css", "which the generator fills itself")]
    [InlineData("pagefind/pagefind.js", "which the generator fills itself")]
    [InlineData("bad name.txt", "not a publishable file name")]
    [InlineData("back\\slash.txt", "not a publishable file name")]
    public async Task StaticFile_ThatWouldReplaceOrSkipAGeneratedFile_IsADiagnostic(string name, string problem)
    {
        using var site = new TestSite();
        var assets = CopyOfTheRealAssets(site);
        var options = site.Options with { AssetsRoot = assets };
        Assert.True((await SiteBuilder.BuildAsync(options)).Succeeded);
        var before = Snapshot(site.OutputFolder);
        var path = Path.Combine(assets, "static", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "<html>static</html>");

        var result = await SiteBuilder.BuildAsync(options);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains(problem, StringComparison.Ordinal));
        Assert.Equal(before, Snapshot(site.OutputFolder));
    }

    [Theory]
    [InlineData("../escaped.txt")]
    [InlineData("guidance/../../escaped.txt")]
    [InlineData("/tmp/escaped.txt")]
    [InlineData("")]
    public void OutputPaths_ThatLeaveTheFolder_WriteAndDeleteNothing(string relativePath)
    {
        using var site = new TestSite();
        var folder = Path.Combine(site.Root, "site", "output");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(site.Root, "site", "keep.txt"), "keep");
        var files = new Dictionary<string, byte[]> { ["a.txt"] = [1], [relativePath] = [2] };

        Assert.Throws<UnsafeOutputPathException>(() => OutputFolder.Write(folder, relativePath, [2]));
        Assert.Throws<UnsafeOutputPathException>(() => OutputFolder.WriteChanges(folder, files, gone: []));
        Assert.Throws<UnsafeOutputPathException>(() => OutputFolder.WriteChanges(folder, new Dictionary<string, byte[]>(), gone: ["../keep.txt"]));

        Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        Assert.False(File.Exists(Path.Combine(site.Root, "site", "escaped.txt")));
        Assert.True(File.Exists(Path.Combine(site.Root, "site", "keep.txt")));
    }

    /// <summary>A writable copy of the real assets inside the test repository, so a test can add files to it.</summary>
    private static string CopyOfTheRealAssets(TestSite site)
    {
        var source = Path.Combine(RealRepository.Root, "site", "assets");
        var target = Path.Combine(site.Root, "site", "assets");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return target;
    }

    /// <summary>Every file under the folder (links not followed) with a hash of its bytes.</summary>
    [Fact]
    public async Task NamedPipe_InContent_FailsTheBuildInsteadOfHangingIt()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return; // mkfifo is a Unix tool; the build machines are Linux.
        }

        using var site = new TestSite();
        await site.BuildSuccessfullyAsync();
        var before = Snapshot(site.OutputFolder);
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", Path.Combine(site.Root, "site/content/reference/pipe.md")))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var result = await site.BuildAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.False(result.Succeeded);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("site/content/reference/pipe.md", diagnostic.File);
        Assert.Contains("named pipe", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(site.OutputFolder));
    }

    [Fact]
    public async Task ContentFile_LargerThanAnyPage_IsADiagnosticNamingTheFile()
    {
        using var site = new TestSite();
        var diagnostics = await FailsWithoutTouchingTheOutputAsync(site, () =>
            File.WriteAllText(Path.Combine(site.Root, "site/content/reference/huge.md"), Page + new string('x', Content.SourceBytes.MaxBytes)));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("site/content/reference/huge.md", diagnostic.File);
        Assert.Contains("larger than 16 MB", diagnostic.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Snapshot(string folder) =>
        new DirectoryInfo(folder).EnumerateFiles("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint })
            .Where(f => f.LinkTarget is null && !f.FullName.Contains($"{Path.DirectorySeparatorChar}site{Path.DirectorySeparatorChar}.output", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(folder, f.FullName), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f.FullName))));
}
