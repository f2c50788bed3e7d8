using System.Net;
using System.Net.Sockets;
using System.Text;
using HipaaDev.Site.Preview;
using HipaaDev.Site.Tests.Fixtures;

namespace HipaaDev.Site.Tests;

/// <summary>The preview server over a built fixture site, on a free port of 127.0.0.1.</summary>
public sealed class PreviewServerTests : IAsyncLifetime
{
    private const string Secret = "secret-outside-the-output-folder";
    private static readonly string s_netlifyConfig = Path.Combine(RealRepository.Root, "netlify.toml");
    private readonly TestSite _site = new();
    private PreviewServer? _server;

    public async Task InitializeAsync()
    {
        await _site.BuildSuccessfullyAsync();
        File.WriteAllText(Path.Combine(_site.Root, "site", "secret.txt"), Secret);
        _server = await PreviewServer.StartAsync(_site.OutputFolder, port: 0, s_netlifyConfig);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _site.Dispose();
    }

    [Fact]
    public void Server_ListensOnLoopbackOnly() =>
        Assert.Equal("127.0.0.1", _server!.Address.Host);

    [Theory]
    [InlineData("/../secret.txt")]
    [InlineData("/guidance/../../secret.txt")]
    [InlineData("/%2e%2e/secret.txt")]
    [InlineData("/%2E%2E/secret.txt")]
    [InlineData("/guidance/%2e%2e/%2e%2e/secret.txt")]
    [InlineData("/..%2fsecret.txt")]
    [InlineData("/%252e%252e/secret.txt")]
    public async Task PathsLeavingTheOutputFolder_AreRefused(string rawTarget)
    {
        // A raw request: HttpClient would remove the dot segments before sending.
        var (status, body) = await RawGetAsync(rawTarget);

        Assert.True(status is 400 or 404, $"Status {status} for {rawTarget}");
        Assert.DoesNotContain(Secret, body);
    }

    [Fact]
    public async Task UnknownPath_GetsThe404PageWithStatus404()
    {
        using var client = new HttpClient { BaseAddress = _server!.Address };
        using var response = await client.GetAsync("/no/such/page/");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Page not found</h1>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Pages_AreServedWithTheLiveReloadScriptInjected()
    {
        using var client = new HttpClient { BaseAddress = _server!.Address };
        var html = await client.GetStringAsync("/guidance/email-rules/");

        Assert.Contains("<h1>Email rules for practices</h1>", html);
        Assert.Contains($"<script src=\"{PreviewServer.LiveReloadPath}\" defer></script></head>", html);
        Assert.DoesNotContain(PreviewServer.LiveReloadPath, File.ReadAllText(Path.Combine(_site.OutputFolder, "guidance", "email-rules", "index.html")));

        var script = await client.GetStringAsync(PreviewServer.LiveReloadPath);
        Assert.Contains("EventSource", script);
    }

    [Fact]
    public async Task FolderWithoutTrailingSlash_RedirectsToTheSlashedUrl()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _server!.Address };
        using var response = await client.GetAsync("/guidance");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/guidance/", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Assets_AreServedWithTheirContentType()
    {
        using var client = new HttpClient { BaseAddress = _server!.Address };
        using var response = await client.GetAsync("/favicon.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Broadcast_ReachesAnOpenEventStream()
    {
        using var client = new HttpClient { BaseAddress = _server!.Address };
        using var response = await client.GetAsync(PreviewServer.EventsPath, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());

        _server.Broadcast("reload", "changed");

        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (lines.Count < 2)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (!string.IsNullOrEmpty(line))
            {
                lines.Add(line);
            }
        }

        Assert.Equal(["event: reload", "data: changed"], lines);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    [InlineData("OPTIONS")]
    [InlineData("TRACE")]
    public async Task MethodsOtherThanGetAndHead_Get405(string method)
    {
        using var client = new HttpClient { BaseAddress = _server!.Address };
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), "/guidance/email-rules/"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow.Order());
    }

    [Fact]
    public async Task Head_IsAnsweredWithoutABody()
    {
        using var client = new HttpClient { BaseAddress = _server!.Address };
        using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/guidance/email-rules/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1")]
    [InlineData("127.0.0.1:1")]
    [InlineData("localhost")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    [InlineData("")]
    public async Task HostOtherThanThePreviewsOwn_IsRefused(string host)
    {
        var (status, body) = await RawGetAsync("/guidance/email-rules/", host.Replace("{port}", _server!.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.True(status is 421 or 400, $"Status {status} for Host '{host}'");
        Assert.DoesNotContain("Email rules for practices", body);
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("LOCALHOST:{port}")]
    public async Task ThePreviewsOwnHost_IsServed(string host)
    {
        var (status, body) = await RawGetAsync("/guidance/email-rules/", host.Replace("{port}", _server!.Address.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        Assert.Equal(200, status);
        Assert.Contains("Email rules for practices", body);
    }

    [Theory]
    [InlineData("/guidance/email-rules/")]
    [InlineData("/favicon.svg")]
    [InlineData("/no/such/page/")]
    public async Task Responses_CarryTheProductionSecurityHeadersFromNetlifyToml(string path)
    {
        var expected = Publishing.NetlifyHeaders.For(Publishing.NetlifyHeaders.Load(s_netlifyConfig), "/*");
        using var client = new HttpClient { BaseAddress = _server!.Address };
        using var response = await client.GetAsync(path);

        Assert.Contains("Content-Security-Policy", expected.Keys);
        foreach (var (name, value) in expected)
        {
            Assert.True(response.Headers.TryGetValues(name, out var values), $"{path}: no {name} header");
            Assert.Equal(value, Assert.Single(values));
        }
    }

    [Fact]
    public async Task FingerprintedAssets_AreNotCachedInThePreview()
    {
        var html = await new HttpClient { BaseAddress = _server!.Address }.GetStringAsync("/");
        var stylesheet = System.Text.RegularExpressions.Regex.Match(html, "/assets/site\\.[0-9a-f]{12}\\.css").Value;
        using var client = new HttpClient { BaseAddress = _server.Address };
        using var response = await client.GetAsync(stylesheet);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task RebuildThatThrows_IsLoggedAndShownOnOpenPages()
    {
        using var client = new HttpClient { BaseAddress = _server!.Address };
        using var response = await client.GetAsync(PreviewServer.EventsPath, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());
        var log = new StringWriter();
        var errors = new StringWriter();

        await PreviewServer.RebuildAsync(() => throw new IOException("disk went away"), _site.Options, _server, null, SourceChange.Content, log, errors);

        Assert.Contains("disk went away", errors.ToString());
        var message = await NextEventAsync(reader);
        Assert.Equal("event: failed", message[0]);
        Assert.Contains("disk went away", message[1]);
    }

    [Fact]
    public async Task RebuildWithProblems_IsLoggedAndShownOnOpenPages()
    {
        using var client = new HttpClient { BaseAddress = _server!.Address };
        using var response = await client.GetAsync(PreviewServer.EventsPath, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());
        var errors = new StringWriter();
        var failed = new BuildResult(false, [new BuildDiagnostic("site/content/x.md", 3, "Broken.", "Fix it.")], 0, 0, []);

        await PreviewServer.RebuildAsync(() => Task.FromResult(failed), _site.Options, _server, null, SourceChange.Content, new StringWriter(), errors);

        Assert.Contains("site/content/x.md:3: Broken.", errors.ToString());
        Assert.Equal(["event: failed", "data: site/content/x.md:3: Broken. Fix: Fix it."], await NextEventAsync(reader));
    }

    /// <summary>The next server-sent event's lines (event and data), skipping the blank lines between events.</summary>
    private static async Task<List<string>> NextEventAsync(StreamReader reader)
    {
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (lines.Count < 2)
        {
            var line = await reader.ReadLineAsync(timeout.Token);
            if (!string.IsNullOrEmpty(line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private Task<(int Status, string Body)> RawGetAsync(string target) => RawGetAsync(target, $"127.0.0.1:{_server!.Address.Port}");

    private async Task<(int Status, string Body)> RawGetAsync(string target, string host)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _server!.Address.Port);
        var stream = tcp.GetStream();
        var request = $"GET {target} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream);
        var response = await reader.ReadToEndAsync();
        var status = int.Parse(response.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }
}
