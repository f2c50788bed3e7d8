using System.Diagnostics;
using System.Text.RegularExpressions;
using HipaaDev.Site.Preview;
using Microsoft.Playwright;

namespace HipaaDev.Site.BrowserTests.Infrastructure;

/// <summary>
/// The real site, built once for the whole test collection: the generator's library entry point writes it, with its
/// Pagefind search index, into a temp folder; the generator's own preview server serves it on 127.0.0.1; one
/// headless Chromium visits it. Everything is stopped and deleted when the collection ends.
/// </summary>
public sealed class BuiltSite : IAsyncLifetime
{
    private readonly string _workFolder = Path.Combine(Path.GetTempPath(), "hipaadev-browser-tests", Guid.NewGuid().ToString("N"));
    private PreviewServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Task<JavaScriptSweep>? _sweep;

    public string RepositoryRoot { get; } = RepositoryLocator.FindFrom(AppContext.BaseDirectory)
        ?? throw new InvalidOperationException($"No HipaaDev.sln above {AppContext.BaseDirectory}: run the browser tests from the repository.");

    public string OutputFolder => Path.Combine(_workFolder, "output");

    /// <summary>The preview server's origin, e.g. http://127.0.0.1:41234/.</summary>
    public Uri Address => _server?.Address ?? throw new InvalidOperationException("The site is not being served yet.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not running yet.");

    /// <summary>netlify.toml: the preview server sends its headers (the Content-Security-Policy included) with every response.</summary>
    public string NetlifyConfigPath => Path.Combine(RepositoryRoot, "netlify.toml");

    /// <summary>Every generated HTML page as a site path ("/", "/guidance/", "/404.html"), in a stable order.</summary>
    public IReadOnlyList<string> PagePaths { get; private set; } = [];

    /// <summary>
    /// The first page of each layout (the <c>page--kind</c> class on its article), for checks too slow to repeat on
    /// pages that share a layout and stylesheet; pages without that class are all included.
    /// </summary>
    public IReadOnlyList<string> OnePagePerLayout { get; private set; } = [];

    /// <summary>How long the build and the browser start took, for the test log.</summary>
    public TimeSpan SetUpTime { get; private set; }

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();

        // The browser first: when it is missing, that is the one message to see, before a build's worth of waiting.
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
        var options = SiteBuildOptions.ForRepository(RepositoryRoot) with { OutputFolder = OutputFolder };
        Directory.CreateDirectory(_workFolder);
        var result = await SiteBuilder.BuildAsync(options);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                "The site did not build, so no page can be tested. Fix these problems (as 'dotnet run --project site' reports them):\n" +
                string.Join('\n', result.Diagnostics));
        }

        PagePaths = FindPages(OutputFolder);
        OnePagePerLayout = PagePaths
            .GroupBy(path => LayoutOf(path) ?? path)
            .Select(layout => layout.First())
            .ToList();
        _server = await PreviewServer.StartAsync(OutputFolder, port: 0, NetlifyConfigPath);
        SetUpTime = clock.Elapsed;
    }

    /// <summary>Visits every page with JavaScript once, the first time a test asks; later calls share the result.</summary>
    internal Task<JavaScriptSweep> SweepWithJavaScriptAsync() => _sweep ??= JavaScriptSweep.RunAsync(this);

    /// <summary>
    /// A fresh browser context at the given viewport (the server sends the production headers). The system colour scheme
    /// is light unless asked otherwise, so a test that toggles the theme knows where it starts.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, bool javaScriptEnabled = true, bool darkSystemTheme = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            JavaScriptEnabled = javaScriptEnabled,
            ColorScheme = darkSystemTheme ? ColorScheme.Dark : ColorScheme.Light,
            ReducedMotion = ReducedMotion.Reduce,
        });
        return context;
    }

    private string? LayoutOf(string path)
    {
        var file = Path.Combine(OutputFolder, path.TrimStart('/'), path.EndsWith('/') ? "index.html" : string.Empty);
        return Regex.Match(File.ReadAllText(file), "class=\"page (page--[a-z-]+)").Groups[1].Value is { Length: > 0 } layout ? layout : null;
    }

    private static List<string> FindPages(string outputFolder)
    {
        var pages = Directory.EnumerateFiles(outputFolder, "*.html", SearchOption.AllDirectories)
            .Select(file => "/" + Path.GetRelativePath(outputFolder, file).Replace('\\', '/'))
            .Where(path => !path.StartsWith("/pagefind/", StringComparison.Ordinal))
            .Select(path => path.EndsWith("/index.html", StringComparison.Ordinal) ? path[..^"index.html".Length] : path)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (pages.Count == 0)
        {
            throw new InvalidOperationException($"The build wrote no HTML pages into {outputFolder}.");
        }

        return pages;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (Directory.Exists(_workFolder))
        {
            Directory.Delete(_workFolder, recursive: true);
        }
    }
}
