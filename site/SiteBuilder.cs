using System.Diagnostics;
using HipaaDev.Site.Content;
using HipaaDev.Site.Publishing;
using HipaaDev.Site.Stages;

namespace HipaaDev.Site;

/// <summary>
/// The generator as a pipeline: read → front matter → Markdown → layouts → checks → write → search index → swap.
/// Keep one instance to rebuild quickly: each stage (Stages/) reuses results whose inputs hash the same.
/// </summary>
public sealed class SiteBuilder(SiteBuildOptions options)
{
    private readonly ContentReader _reader = new();
    private readonly RenderStage _render = new();
    private readonly OutputFilesStage _outputFiles = new();
    private readonly CheckStage _checks = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private IReadOnlyDictionary<string, byte[]>? _published;

    public SiteBuildOptions Options { get; } = options;

    /// <summary>Builds the site once, as the command line does.</summary>
    public static Task<BuildResult> BuildAsync(SiteBuildOptions options, CancellationToken cancellationToken = default) =>
        new SiteBuilder(options).RunAsync(PublishMode.Staged, cancellationToken);

    public async Task<BuildResult> RunAsync(PublishMode mode, CancellationToken cancellationToken = default)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            // The lock is an OS file lock, so a killed build releases it; whatever staging folders are left then
            // belong to no running build and are removed.
            FileStream? buildLock;
            try
            {
                buildLock = OutputFolder.TryLock(Options.OutputFolder);
                if (buildLock is not null)
                {
                    OutputFolder.RemoveAbandonedStaging(Options.OutputFolder);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return new BuildResult(false, [new BuildDiagnostic(Options.DisplayPath(Options.OutputFolder), 0, $"The output folder could not be prepared: {exception.Message}",
                    "Check that the folder above it is writable, then build again.")], 0, 0, []);
            }

            if (buildLock is null)
            {
                return new BuildResult(false, [new BuildDiagnostic(Options.DisplayPath(Options.OutputFolder), 0, "Another build is writing this output folder right now.",
                    "Wait for it to finish (or stop it), then build again.")], 0, 0, []);
            }

            using (buildLock)
            {
                return await RunStagesAsync(mode, cancellationToken);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private async Task<BuildResult> RunStagesAsync(PublishMode mode, CancellationToken cancellationToken)
    {
        var times = new List<(string, TimeSpan)>();
        var clock = Stopwatch.StartNew();
        void Lap(string stage)
        {
            times.Add((stage, clock.Elapsed));
            clock.Restart();
        }

        BuildResult Failed(IReadOnlyList<BuildDiagnostic> diagnostics, int pages) => new(false, diagnostics, pages, 0, times);

        var diagnostics = new List<BuildDiagnostic>();
        var site = SiteConfig.Load(Options.SiteConfigPath, Options.DisplayPath(Options.SiteConfigPath), diagnostics);
        var (pages, contentDiagnostics) = _reader.ReadAll(Options);
        diagnostics.AddRange(contentDiagnostics);
        Lap("read + front matter + markdown");
        if (diagnostics.Count > 0)
        {
            return Failed(Sorted(diagnostics), pages.Count);
        }

        var tree = new SiteTree(pages);
        AssetManifest assets;
        try
        {
            assets = AssetPipeline.Build(Options, diagnostics);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new BuildDiagnostic(Options.DisplayPath(Options.AssetsRoot), 0, $"An asset could not be read: {exception.Message}", "Check that the files in site/assets are readable."));
            return Failed(Sorted(diagnostics), pages.Count);
        }

        var generated = await _render.RunAsync(pages, tree, assets, site, diagnostics);
        Lap("layouts");
        if (diagnostics.Count > 0)
        {
            return Failed(Sorted(diagnostics), pages.Count);
        }

        var files = _outputFiles.Collect(pages, tree, site, assets, generated, diagnostics);
        Lap("site files");

        diagnostics.AddRange(_checks.Run(Options, pages, generated, files));
        Lap("checks");
        if (diagnostics.Count > 0)
        {
            return Failed(Sorted(diagnostics), pages.Count);
        }

        try
        {
            if (mode == PublishMode.InPlace && _published is not null && Directory.Exists(Options.OutputFolder))
            {
                var written = OutputFolder.WriteChanges(Options.OutputFolder, files, _published);
                _published = files;
                Lap("write changes");
                return new BuildResult(true, [], generated.Count, written, times);
            }

            return await PublishStagedAsync(files, generated.Count, times, Lap, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or UnsafeOutputPathException)
        {
            return Failed([new BuildDiagnostic(Options.DisplayPath(Options.OutputFolder), 0, $"The output could not be written: {exception.Message}",
                "Check that the folder is writable and not held open by another program, then build again.")], pages.Count);
        }
    }

    /// <summary>Writes into a new staging folder, indexes it and swaps it in.</summary>
    private async Task<BuildResult> PublishStagedAsync(Dictionary<string, byte[]> files, int pageCount, List<(string, TimeSpan)> times, Action<string> lap, CancellationToken cancellationToken)
    {
        var staging = OutputFolder.CreateStaging(Options.OutputFolder);
        try
        {
            OutputFolder.WriteAll(staging, files);
            lap("write");
            if (Options.BuildSearchIndex)
            {
                var problem = await SearchIndexer.IndexAsync(staging, Options.NodeProjectFolder ?? Path.GetDirectoryName(Options.AssetsRoot)!, "site/package.json", cancellationToken);
                lap("search index");
                if (problem is not null)
                {
                    OutputFolder.Discard(staging);
                    return new BuildResult(false, [problem], pageCount, 0, times);
                }
            }

            OutputFolder.Swap(staging, Options.OutputFolder);
            lap("swap");
        }
        catch
        {
            OutputFolder.Discard(staging);
            throw;
        }

        _published = files;
        return new BuildResult(true, [], pageCount, files.Count, times);
    }

    private static List<BuildDiagnostic> Sorted(List<BuildDiagnostic> diagnostics) =>
        diagnostics.Distinct().OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ToList();
}
