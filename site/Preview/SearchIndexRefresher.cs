using HipaaDev.Site.Publishing;

namespace HipaaDev.Site.Preview;

/// <summary>
/// Re-runs Pagefind over the preview's output after edits, once things are quiet, one run at a time: pages reload
/// at once and search catches up a moment later, without slowing the next rebuild.
/// </summary>
internal sealed class SearchIndexRefresher(SiteBuildOptions options, CancellationToken stop)
{
    private static readonly TimeSpan s_quietPeriod = TimeSpan.FromSeconds(1);
    private readonly object _gate = new();
    private bool _running;
    private bool _requested;

    public void Request()
    {
        if (!options.BuildSearchIndex || options.NodeProjectFolder is null)
        {
            return;
        }

        lock (_gate)
        {
            _requested = true;
            if (_running)
            {
                return;
            }

            _running = true;
        }

        _ = Task.Run(RunAsync, stop);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            await Task.Delay(s_quietPeriod, stop);
            lock (_gate)
            {
                if (!_requested)
                {
                    _running = false;
                    return;
                }

                _requested = false;
            }

            try
            {
                var problem = await SearchIndexer.IndexAsync(options.OutputFolder, options.NodeProjectFolder!, "site/package.json", stop);
                if (problem is not null)
                {
                    Console.Error.WriteLine(problem);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // Nobody awaits this task: a failure must be printed here or it is lost.
                Console.Error.WriteLine($"The search index could not be refreshed: {exception.Message} Search shows the previous index until the next save.");
            }
        }
    }
}
