using System.Diagnostics;
using HipaaDev.Site.Checks;
using HipaaDev.Site.Content;
using HipaaDev.Site.Publishing;
using HipaaDev.Site.Stages;

namespace HipaaDev.Site;

/// <summary>
/// The generator as a pipeline: read → front matter → Markdown → site files → (per page, streamed: layout → write
/// into staging → page checks) → site-wide checks → search index → swap.
/// Keep one instance to rebuild quickly: each stage (Stages/) reuses results whose inputs hash the same.
/// </summary>
public sealed class SiteBuilder(SiteBuildOptions options)
{
    private readonly ContentReader _reader = new();
    private readonly RenderStage _render = new();
    private readonly OutputFilesStage _outputFiles = new();
    private readonly CheckStage _checks = new();
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    /// <summary>The hash of every file of the last published build, by output-relative path.</summary>
    private IReadOnlyDictionary<string, string>? _published;

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

        // Every output path is known before the first page is rendered: clashes and paths that would leave the
        // folder are found before anything is written.
        var planned = RenderStage.Plan(pages);
        var siteFiles = _outputFiles.Collect(pages, tree, site, assets, planned, diagnostics);
        var outputPaths = siteFiles.Keys.Concat(planned.Select(p => p.OutputPath)).ToHashSet(StringComparer.Ordinal);
        Lap("site files");
        if (diagnostics.Count > 0)
        {
            return Failed(Sorted(diagnostics), pages.Count);
        }

        IOutputTarget? output = null;
        try
        {
            foreach (var path in outputPaths)
            {
                OutputFolder.PathInside(Options.OutputFolder, path);
            }

            output = mode == PublishMode.InPlace && _published is not null && Directory.Exists(Options.OutputFolder)
                ? new InPlaceOutput(Options.OutputFolder, _published)
                : new StagedOutput(OutputFolder.CreateStaging(Options.OutputFolder));
            var result = await GenerateAndCheckAsync(output, pages, tree, site, assets, planned, siteFiles, outputPaths, diagnostics, Lap);
            if (!result.Succeeded)
            {
                Discard(output);
                return result with { StageTimes = times };
            }

            if (output is InPlaceOutput changes)
            {
                var written = changes.Commit();
                _published = output.Hashes;
                Lap("write changes");
                return new BuildResult(true, [], planned.Count, written, times);
            }

            return await PublishStagedAsync((StagedOutput)output, planned.Count, times, Lap, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or UnsafeOutputPathException)
        {
            Discard(output);
            return Failed([new BuildDiagnostic(Options.DisplayPath(Options.OutputFolder), 0, $"The output could not be written: {exception.Message}",
                "Check that the folder is writable and not held open by another program, then build again.")], pages.Count);
        }
        catch
        {
            Discard(output);
            throw;
        }
    }

    /// <summary>
    /// Renders the pages on every core; each page is written to <paramref name="output"/> and checked (parsed once) as
    /// soon as it is rendered, then its HTML is dropped. A few pages are in flight at a time, so memory does not grow
    /// with the site.
    /// </summary>
    private async Task<BuildResult> GenerateAndCheckAsync(IOutputTarget output, IReadOnlyList<SourcePage> pages, SiteTree tree, SiteConfig site, AssetManifest assets,
        List<GeneratedPage> planned, Dictionary<string, byte[]> siteFiles, HashSet<string> outputPaths, List<BuildDiagnostic> diagnostics, Action<string> lap)
    {
        foreach (var (path, content) in siteFiles)
        {
            output.Write(path, content, ContentHash.Of(content));
        }

        _checks.Start(Options, pages, planned, outputPaths);
        var renderDiagnostics = new List<BuildDiagnostic>();
        // Each page is written and checked on the thread that rendered it; the render stage returns only when every
        // page is done, so nothing is still writing when the caller deletes a failed build's staging folder.
        await _render.RunAsync(planned, tree, assets, site, Options.OutputFolder, renderDiagnostics, rendered =>
        {
            output.Write(rendered.Page.OutputPath, rendered.Bytes, rendered.Hash);
            _checks.CheckPage(rendered.Page, rendered.Html, rendered.Hash);
        });
        lap("layouts + page checks + write");
        if (renderDiagnostics.Count > 0)
        {
            return new BuildResult(false, Sorted(renderDiagnostics), planned.Count, 0, []);
        }

        diagnostics.AddRange(_checks.Finish());
        lap("site-wide checks");
        return diagnostics.Count > 0
            ? new BuildResult(false, Sorted(diagnostics), pages.Count, 0, [])
            : new BuildResult(true, [], planned.Count, 0, []);
    }

    /// <summary>Indexes the staging folder and swaps it in.</summary>
    private async Task<BuildResult> PublishStagedAsync(StagedOutput output, int pageCount, List<(string, TimeSpan)> times, Action<string> lap, CancellationToken cancellationToken)
    {
        if (Options.BuildSearchIndex)
        {
            var problem = await SearchIndexer.IndexAsync(output.Folder, Options.NodeProjectFolder ?? Path.GetDirectoryName(Options.AssetsRoot)!, "site/package.json", cancellationToken);
            lap("search index");
            if (problem is not null)
            {
                OutputFolder.Discard(output.Folder);
                return new BuildResult(false, [problem], pageCount, 0, times);
            }
        }

        OutputFolder.Swap(output.Folder, Options.OutputFolder);
        lap("swap");
        _published = output.Hashes;
        return new BuildResult(true, [], pageCount, output.Hashes.Count, times);
    }

    /// <summary>A failed build leaves no staging folder behind; held in-place changes are simply dropped.</summary>
    private static void Discard(IOutputTarget? output)
    {
        if (output is StagedOutput staged)
        {
            OutputFolder.Discard(staged.Folder);
        }
    }

    private static List<BuildDiagnostic> Sorted(List<BuildDiagnostic> diagnostics) =>
        diagnostics.Distinct().OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Message, StringComparer.Ordinal).ToList();
}
