using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HipaaDev.Site.BrowserTests.Infrastructure;
using HipaaDev.Site.Preview;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HipaaDev.Site.BrowserTests;

/// <summary>
/// The generator's <c>preview</c> command, end to end: it serves a copy of the content, watches it, and an open
/// page reloads itself with the new text after its Markdown is saved. The real site/content is never touched.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class LiveReloadTests(BuiltSite site, ITestOutputHelper output) : IAsyncLifetime
{
    private const string EditedPage = "guidance/staff-training.md";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hipaadev-browser-tests", "preview-" + Guid.NewGuid().ToString("N"));
    private readonly CancellationTokenSource _stop = new();
    private Task<int>? _preview;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        var contentCopy = Path.Combine(_root, "site", "content");
        CopyFolder(Path.Combine(site.RepositoryRoot, "site", "content"), contentCopy);
        var options = SiteBuildOptions.ForRepository(site.RepositoryRoot) with
        {
            RepositoryRoot = _root,
            ContentRoot = contentCopy,
            OutputFolder = Path.Combine(_root, "site", "output"),
            // Search is covered by the built site; here it would only slow each rebuild.
            BuildSearchIndex = false,
        };

        var port = FreeLoopbackPort();
        _address = new Uri($"http://127.0.0.1:{port}/");
        _preview = PreviewServer.RunAsync(options, port, _stop.Token);
        await WaitUntilServingAsync();
    }

    [Fact]
    public async Task SavingMarkdown_ReloadsTheOpenPage_WithTheNewText()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _address.ToString() });
        var page = await context.NewPageAsync();
        var url = "/" + EditedPage[..^".md".Length] + "/";
        // The page is connected to the reload events once the server has answered the event stream request.
        await page.RunAndWaitForResponseAsync(() => page.GotoAsync(url), response => response.Url.EndsWith(PreviewServer.EventsPath, StringComparison.Ordinal));
        await page.EvaluateAsync("() => { window.__beforeEdit = true; }");
        var marker = $"Live reload check {Guid.NewGuid():N}.";
        await Assertions.Expect(page.GetByText(marker)).ToHaveCountAsync(0);

        var clock = Stopwatch.StartNew();
        AddParagraphAfterFrontMatter(Path.Combine(_root, "site", "content", EditedPage), marker);

        await Assertions.Expect(page.GetByText(marker)).ToBeVisibleAsync(new() { Timeout = 15_000 });
        output.WriteLine($"The page showed the edit {clock.Elapsed.TotalSeconds:F1} s after the file was saved.");
        Assert.False(await page.EvaluateAsync<bool>("() => window.__beforeEdit === true"), "The new text appeared without a reload.");
    }

    [Fact]
    public async Task SavingBrokenMarkdown_ShowsTheFailureOnTheOpenPage()
    {
        await using var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _address.ToString() });
        var page = await context.NewPageAsync();
        var url = "/" + EditedPage[..^".md".Length] + "/";
        await page.RunAndWaitForResponseAsync(() => page.GotoAsync(url), response => response.Url.EndsWith(PreviewServer.EventsPath, StringComparison.Ordinal));
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);

        var file = Path.Combine(_root, "site", "content", EditedPage);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\nkind: ", "\nkind: not-a-kind-", StringComparison.Ordinal));

        var alert = page.GetByRole(AriaRole.Alert);
        await Assertions.Expect(alert).ToContainTextAsync("the last rebuild failed", new() { Timeout = 15_000 });
        await Assertions.Expect(alert).ToContainTextAsync(EditedPage);
    }

    private static void AddParagraphAfterFrontMatter(string file, string paragraph)
    {
        var lines = File.ReadAllLines(file).ToList();
        var endOfFrontMatter = lines.IndexOf("---", 1);
        Assert.True(endOfFrontMatter > 0, $"{file} has no front matter to insert after.");
        lines.InsertRange(endOfFrontMatter + 1, ["", paragraph, ""]);
        File.WriteAllLines(file, lines);
    }

    private async Task WaitUntilServingAsync()
    {
        using var client = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (_preview!.IsCompleted)
            {
                throw new InvalidOperationException($"The preview server stopped before serving (exit code {await _preview}); its console output says why.");
            }

            try
            {
                using var response = await client.GetAsync("/");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Still building the first time; the server starts listening after that.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The preview server did not answer on {_address} within 90 s.");
    }

    /// <summary>A port that was free a moment ago: the preview command takes a port number, not 0.</summary>
    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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

    public async Task DisposeAsync()
    {
        _stop.Cancel();
        if (_preview is not null)
        {
            await _preview;
        }

        _stop.Dispose();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
