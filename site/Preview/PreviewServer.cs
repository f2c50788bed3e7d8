using System.Diagnostics;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using HipaaDev.Site.Layouts;
using HipaaDev.Site.Publishing;

namespace HipaaDev.Site.Preview;

/// <summary>
/// Serves the output folder on 127.0.0.1, rebuilds when content, assets or site.yml change, and tells open pages
/// to reload through server-sent events. Razor layouts and C# are compiled: changing them needs a restart.
/// It answers only GET and HEAD, only for its own address (a page on another site cannot reach it through DNS
/// rebinding), and sends the production security headers from netlify.toml.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string LiveReloadPath = "/_preview/live-reload.js";
    public const string EventsPath = "/_preview/events";

    private static readonly FileExtensionContentTypeProvider s_contentTypes = new();
    private readonly WebApplication _app;
    private readonly string _outputRoot;
    private readonly LiveReload _reload = new();
    private readonly IReadOnlyList<HeaderRule> _headers;

    private PreviewServer(WebApplication app, string outputFolder, IReadOnlyList<HeaderRule> headers)
    {
        _app = app;
        _headers = headers;
        _outputRoot = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        app.Run(HandleAsync);
    }

    /// <summary>The address the server listens on, e.g. http://127.0.0.1:5080.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>
    /// Starts serving <paramref name="outputFolder"/> with the headers of <paramref name="netlifyConfigPath"/>; port 0
    /// picks a free port (tests).
    /// </summary>
    public static async Task<PreviewServer> StartAsync(string outputFolder, int port, string netlifyConfigPath)
    {
        var headers = NetlifyHeaders.Load(netlifyConfigPath);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        var server = new PreviewServer(builder.Build(), outputFolder, headers);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.Address = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>Tells every open page to reload (or logs why the build failed).</summary>
    public void Broadcast(string eventName, string data) => _reload.Broadcast(eventName, data);

    /// <summary>The command line's <c>preview</c>: build, serve, watch, until <paramref name="stop"/>.</summary>
    public static async Task<int> RunAsync(SiteBuildOptions options, int port, CancellationToken stop)
    {
        var builder = new SiteBuilder(options);
        var first = await builder.RunAsync(PublishMode.Staged, stop);
        PrintResult(first, options, "Built");
        if (!first.Succeeded && !Directory.Exists(options.OutputFolder))
        {
            Console.Error.WriteLine("Nothing to serve yet: fix the problems above and start the preview again.");
            return 1;
        }

        if (options.NetlifyConfigPath is not { } netlifyConfig || !File.Exists(netlifyConfig))
        {
            Console.Error.WriteLine($"netlify.toml was not found ({options.NetlifyConfigPath ?? "no path set"}): the preview sends the production security headers it defines. Restore it from git.");
            return 1;
        }

        PreviewServer server;
        try
        {
            server = await StartAsync(options.OutputFolder, port, netlifyConfig);
        }
        catch (InvalidDataException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
        catch (IOException exception) when (exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            Console.Error.WriteLine($"Port {port} on 127.0.0.1 is already in use (another preview?). Stop it, or choose another port: preview --port {port + 1}.");
            return 1;
        }

        await using var running = server;
        Console.WriteLine($"Previewing at {server.Address} (Ctrl+C to stop). Content, assets and site.yml rebuild on save; changes to layouts (.razor) or C# need a restart.");
        var searchIndex = new SearchIndexRefresher(options, stop);
        using var watcher = new SourceWatcher(options, change => RebuildAsync(() => builder.RunAsync(PublishMode.InPlace, stop), options, server, searchIndex, change, Console.Out, Console.Error));
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    /// <summary>
    /// One rebuild after a change. Never throws: a failed build, and any exception on the way, is logged and shown on
    /// every open page ("failed" event), which keeps the last good build until the next save.
    /// </summary>
    internal static async Task RebuildAsync(Func<Task<BuildResult>> rebuild, SiteBuildOptions options, PreviewServer server, SearchIndexRefresher? searchIndex, SourceChange change, TextWriter log, TextWriter errors)
    {
        if (change == SourceChange.Code)
        {
            log.WriteLine("A layout or C# file changed: stop the preview and start it again to compile it.");
            return;
        }

        BuildResult result;
        try
        {
            result = await rebuild();
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception exception)
        {
            var message = $"The rebuild stopped with an error: {exception.Message} Still serving the last good build; save again after fixing it, or restart the preview.";
            errors.WriteLine(message);
            errors.WriteLine(exception);
            server.Broadcast("failed", message);
            return;
        }

        PrintResult(result, options, "Rebuilt", log, errors);
        if (!result.Succeeded)
        {
            server.Broadcast("failed", string.Join('\n', result.Diagnostics));
            return;
        }

        server.Broadcast("reload", "changed");
        searchIndex?.Request();
    }

    private static void PrintResult(BuildResult result, SiteBuildOptions options, string verb) => PrintResult(result, options, verb, Console.Out, Console.Error);

    private static void PrintResult(BuildResult result, SiteBuildOptions options, string verb, TextWriter log, TextWriter errors)
    {
        if (!result.Succeeded)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                errors.WriteLine(diagnostic);
            }

            errors.WriteLine($"Build failed with {result.Diagnostics.Count} problem(s); still serving the last good build.");
            return;
        }

        var stages = string.Join(", ", result.StageTimes.Select(s => $"{s.Stage} {s.Time.TotalMilliseconds:F0} ms"));
        log.WriteLine($"{verb} {result.PageCount} pages in {result.Elapsed.TotalMilliseconds:F0} ms, {result.FilesWritten} file(s) written ({stages}).");
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = "GET, HEAD";
            await context.Response.WriteAsync("Only GET and HEAD: the preview serves files and changes nothing.");
            return;
        }

        // A page on another site that rebinds its DNS name to 127.0.0.1 still sends its own name as Host.
        if (!IsOwnHost(context.Request.Headers.Host.ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            await context.Response.WriteAsync($"Refused: this preview answers only http://127.0.0.1:{Address.Port}/ and http://localhost:{Address.Port}/.");
            return;
        }

        var path = context.Request.Path.Value ?? "/";
        foreach (var (name, value) in NetlifyHeaders.For(_headers, path))
        {
            context.Response.Headers[name] = value;
        }

        if (path == EventsPath && HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.ContentType = "text/event-stream";
            return;
        }

        if (path == EventsPath)
        {
            await _reload.StreamAsync(context);
            return;
        }

        if (path == LiveReloadPath)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.Body.WriteAsync(s_liveReloadScript.Value);
            return;
        }

        // Kestrel already removes dot segments; refusing them here as well keeps the rule visible and tested.
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        if (ClimbsOut(rawTarget) || ClimbsOut(path))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Refused: the path leaves the output folder.");
            return;
        }

        var file = Resolve(path);
        if (file is null && !path.EndsWith('/') && Directory.Exists(ToFullPath(path)))
        {
            context.Response.Redirect(path + "/");
            return;
        }

        if (file is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            file = Resolve("/" + PageViews.NotFoundFile);
            if (file is null)
            {
                await context.Response.WriteAsync("Not found.");
                return;
            }
        }

        await ServeFileAsync(context, file);
    }

    private bool IsOwnHost(string host) =>
        string.Equals(host, $"127.0.0.1:{Address.Port}", StringComparison.OrdinalIgnoreCase)
        || string.Equals(host, $"localhost:{Address.Port}", StringComparison.OrdinalIgnoreCase);

    private static bool ClimbsOut(string value)
    {
        var decoded = Uri.UnescapeDataString(Uri.UnescapeDataString(value)).Replace('\\', '/');
        return decoded.Split('/', '?')[..].Any(segment => segment == "..");
    }

    private string ToFullPath(string path) => Path.GetFullPath(Path.Combine(_outputRoot, Uri.UnescapeDataString(path).TrimStart('/')));

    /// <summary>The file for a URL path, or null; never a file outside the output folder.</summary>
    private string? Resolve(string path)
    {
        var fullPath = ToFullPath(path.EndsWith('/') ? path + "index.html" : path);
        if (!fullPath.StartsWith(_outputRoot, StringComparison.Ordinal))
        {
            return null;
        }

        return File.Exists(fullPath) ? fullPath : null;
    }

    private static async Task ServeFileAsync(HttpContext context, string file)
    {
        context.Response.ContentType = s_contentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";

        // Production caches fingerprinted assets forever; the preview always serves the newest file.
        context.Response.Headers.CacheControl = "no-store";
        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            var html = await File.ReadAllTextAsync(file, context.RequestAborted);
            var tag = $"<script src=\"{LiveReloadPath}\" defer></script>";
            var index = html.IndexOf("</head>", StringComparison.Ordinal);
            html = index < 0 ? html + tag : html.Insert(index, tag);
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(html, context.RequestAborted);
            return;
        }

        await context.Response.SendFileAsync(file, context.RequestAborted);
    }

    private static readonly Lazy<byte[]> s_liveReloadScript = new(() =>
    {
        using var stream = typeof(PreviewServer).Assembly.GetManifestResourceStream("HipaaDev.Site.Preview.live-reload.js")
            ?? throw new InvalidOperationException("The live-reload script is not embedded in the generator.");
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    });

    public async ValueTask DisposeAsync()
    {
        _reload.Close();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
