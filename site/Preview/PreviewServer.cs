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
using HipaaDev.Site.Publishing;

namespace HipaaDev.Site.Preview;

/// <summary>
/// Serves the output folder on 127.0.0.1, rebuilds when content, assets or site.yml change, and tells open pages
/// to reload through server-sent events. Razor layouts and C# are compiled: changing them needs a restart.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string LiveReloadPath = "/_preview/live-reload.js";
    public const string EventsPath = "/_preview/events";

    private static readonly FileExtensionContentTypeProvider s_contentTypes = new();
    private readonly WebApplication _app;
    private readonly string _outputRoot;
    private readonly LiveReload _reload = new();

    private PreviewServer(WebApplication app, string outputFolder)
    {
        _app = app;
        _outputRoot = Path.GetFullPath(outputFolder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        app.Run(HandleAsync);
    }

    /// <summary>The address the server listens on, e.g. http://127.0.0.1:5080.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts serving <paramref name="outputFolder"/>; port 0 picks a free port (tests).</summary>
    public static async Task<PreviewServer> StartAsync(string outputFolder, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        var server = new PreviewServer(builder.Build(), outputFolder);
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

        PreviewServer server;
        try
        {
            server = await StartAsync(options.OutputFolder, port);
        }
        catch (IOException exception) when (exception.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            Console.Error.WriteLine($"Port {port} on 127.0.0.1 is already in use (another preview?). Stop it, or choose another port: preview --port {port + 1}.");
            return 1;
        }

        await using var running = server;
        Console.WriteLine($"Previewing at {server.Address} (Ctrl+C to stop). Content, assets and site.yml rebuild on save; changes to layouts (.razor) or C# need a restart.");
        var searchIndex = new SearchIndexRefresher(options, stop);
        using var watcher = new SourceWatcher(options, async change => await RebuildAsync(builder, server, searchIndex, change, stop));
        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
        }

        return 0;
    }

    private static async Task RebuildAsync(SiteBuilder builder, PreviewServer server, SearchIndexRefresher searchIndex, SourceChange change, CancellationToken stop)
    {
        if (change == SourceChange.Code)
        {
            Console.WriteLine("A layout or C# file changed: stop the preview and start it again to compile it.");
            return;
        }

        var result = await builder.RunAsync(PublishMode.InPlace, stop);
        PrintResult(result, builder.Options, "Rebuilt");
        if (!result.Succeeded)
        {
            server.Broadcast("failed", string.Join('\n', result.Diagnostics));
            return;
        }

        server.Broadcast("reload", "changed");
        searchIndex.Request();
    }

    private static void PrintResult(BuildResult result, SiteBuildOptions options, string verb)
    {
        if (!result.Succeeded)
        {
            foreach (var diagnostic in result.Diagnostics)
            {
                Console.Error.WriteLine(diagnostic);
            }

            Console.Error.WriteLine($"Build failed with {result.Diagnostics.Count} problem(s); still serving the last good build.");
            return;
        }

        var stages = string.Join(", ", result.StageTimes.Select(s => $"{s.Stage} {s.Time.TotalMilliseconds:F0} ms"));
        Console.WriteLine($"{verb} {result.PageCount} pages in {result.Elapsed.TotalMilliseconds:F0} ms, {result.FilesWritten} file(s) written ({stages}).");
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        if (path == EventsPath)
        {
            await _reload.StreamAsync(context);
            return;
        }

        if (path == LiveReloadPath)
        {
            context.Response.ContentType = "text/javascript; charset=utf-8";
            await context.Response.Body.WriteAsync(LiveReloadScript.Value);
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
            file = Resolve("/" + SiteBuilder.NotFoundFile);
            if (file is null)
            {
                await context.Response.WriteAsync("Not found.");
                return;
            }
        }

        await ServeFileAsync(context, file);
    }

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

    private static readonly Lazy<byte[]> LiveReloadScript = new(() =>
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
