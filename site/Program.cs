using System.Globalization;
using System.Runtime.InteropServices;
using HipaaDev.Site;
using HipaaDev.Site.Preview;

// `dotnet run --project site` builds site/output; `dotnet run --project site -- preview [--port N]` serves it.
var command = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "build";
if (command is "help" || args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("""
        HipaaDev site generator
          build [--no-search]   (default) build site/output from site/content and analyzers/docs/rules;
                                --no-search skips the Pagefind index (for measuring the generator alone)
          preview [--port N]    build, serve on http://127.0.0.1:N (default 5080), rebuild and reload on change
        """);
    return 0;
}

var options = SiteBuildOptions.ForRepository(RepositoryLocator.FindRoot());
switch (command)
{
    case "build":
        {
            var result = await SiteBuilder.BuildAsync(options with { BuildSearchIndex = !args.Contains("--no-search") });
            return Report(result, options);
        }

    case "preview":
        {
            var port = 5080;
            var portIndex = Array.IndexOf(args, "--port");
            if (portIndex >= 0 && (portIndex + 1 >= args.Length || !int.TryParse(args[portIndex + 1], NumberStyles.None, CultureInfo.InvariantCulture, out port)))
            {
                Console.Error.WriteLine("--port needs a number, e.g. --port 5081.");
                return 2;
            }

            // Ctrl+C and SIGTERM (kill PID) both stop the server cleanly.
            using var stop = new CancellationTokenSource();
            using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, StopOnSignal);
            using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, StopOnSignal);
            return await PreviewServer.RunAsync(options, port, stop.Token);

            void StopOnSignal(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
            }
        }

    default:
        Console.Error.WriteLine($"Unknown command '{command}'. Use 'build' or 'preview [--port N]' (see --help).");
        return 2;
}

static int Report(BuildResult result, SiteBuildOptions options)
{
    if (!result.Succeeded)
    {
        foreach (var diagnostic in result.Diagnostics)
        {
            Console.Error.WriteLine(diagnostic);
        }

        Console.Error.WriteLine($"Build failed with {result.Diagnostics.Count} problem(s); {options.DisplayPath(options.OutputFolder)} was left as it was.");
        return 1;
    }

    var stages = string.Join(", ", result.StageTimes.Select(s => $"{s.Stage} {s.Time.TotalMilliseconds:F0} ms"));
    Console.WriteLine($"Built {result.PageCount} pages into {options.DisplayPath(options.OutputFolder)} in {result.Elapsed.TotalMilliseconds:F0} ms ({stages}).");
    return 0;
}
