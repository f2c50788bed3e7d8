namespace HipaaDev.Site.Preview;

/// <summary>
/// Watches content, rule pages, assets, site.yml and the layouts, and calls back once per burst of changes
/// (editors often write a file several times when saving).
/// </summary>
internal sealed class SourceWatcher : IDisposable
{
    private static readonly TimeSpan s_quietPeriod = TimeSpan.FromMilliseconds(40);
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Func<SourceChange, Task> _onChange;
    private readonly Timer _timer;
    private SourceChange? _pending;

    public SourceWatcher(SiteBuildOptions options, Func<SourceChange, Task> onChange)
    {
        _onChange = onChange;
        _timer = new Timer(_ => Fire());
        Watch(options.ContentRoot, "*.md", SourceChange.Content);
        if (options.RulesRoot is not null)
        {
            Watch(options.RulesRoot, "*.md", SourceChange.Content);
        }

        Watch(options.AssetsRoot, "*", SourceChange.Content);
        Watch(Path.GetDirectoryName(options.SiteConfigPath)!, Path.GetFileName(options.SiteConfigPath), SourceChange.Content, recursive: false);
        var siteFolder = Path.GetDirectoryName(options.AssetsRoot)!;
        Watch(Path.Combine(siteFolder, "Layouts"), "*.razor", SourceChange.Code);
    }

    private void Watch(string folder, string filter, SourceChange kind, bool recursive = true)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        var watcher = new FileSystemWatcher(folder, filter) { IncludeSubdirectories = recursive, NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        FileSystemEventHandler changed = (_, _) => Schedule(kind);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (_, _) => Schedule(kind);
        watcher.EnableRaisingEvents = true;
        _watchers.Add(watcher);
    }

    private void Schedule(SourceChange kind)
    {
        lock (_timer)
        {
            _pending = _pending == SourceChange.Content || kind == SourceChange.Content ? SourceChange.Content : kind;
            _timer.Change(s_quietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        SourceChange kind;
        lock (_timer)
        {
            if (_pending is not { } pending)
            {
                return;
            }

            kind = pending;
            _pending = null;
        }

        _ = ObserveAsync(kind);
    }

    /// <summary>Runs the callback and reports its failure, which a discarded task would hide.</summary>
    private async Task ObserveAsync(SourceChange kind)
    {
        try
        {
            await _onChange(kind);
        }
        catch (Exception exception)
        {
            Console.Error.WriteLine($"The preview could not handle a file change: {exception}");
        }
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _timer.Dispose();
    }
}
