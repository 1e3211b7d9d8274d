using Lscb.Site.Core;
using Lscb.Site.Write;

namespace Lscb.Site.Preview;

/// <summary>
/// Keeps the preview's search index up to date in the background, one run at a time: after each
/// good rebuild the newest site is indexed, unless its pages are the ones already indexed. Builds
/// never wait for it; a rebuild during a run is indexed when that run ends.
/// </summary>
internal sealed class SearchRefresher(string themeRoot, string output, bool enabled, TextWriter stderr) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private StagedSite? _pending;
    private string? _indexed;
    private Task _runner = Task.CompletedTask;
    private bool _running;

    /// <summary>Asks for <paramref name="site"/>, just published into the preview folder, to be indexed.</summary>
    public void Refresh(StagedSite site)
    {
        if (!enabled) return;
        lock (_gate)
        {
            _pending = site;
            if (_running) return;
            _running = true;
            // A thread of its own: a run waits on Pagefind for seconds, and holding a pool thread that
            // long would leave the next rebuild waiting for the pool to grow.
            _runner = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    /// <summary>Waits for a run in progress and drops any not started.</summary>
    public async ValueTask DisposeAsync()
    {
        Task runner;
        lock (_gate)
        {
            _pending = null;
            runner = _runner;
        }

        await runner;
    }

    private void Run()
    {
        try
        {
            IndexUntilDone();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"The preview's search index could not be updated ({e.Message}); it is tried again after the next rebuild.");
            lock (_gate) _running = false;
        }
    }

    private void IndexUntilDone()
    {
        while (true)
        {
            StagedSite site;
            lock (_gate)
            {
                if (_pending is null)
                {
                    // Cleared under the lock, so a request made from here on starts a new run.
                    _running = false;
                    return;
                }

                site = _pending;
                _pending = null;
            }

            var key = SearchIndexer.Key(themeRoot, site);
            // A full rebuild replaces the folder, index and all, so the index is checked for as well.
            if (key == _indexed && File.Exists(Path.Combine(output, "pagefind", "pagefind.js"))) continue;
            var diagnostics = new DiagnosticBag();
            if (SearchIndexer.Run(themeRoot, output, site, diagnostics, background: true)) _indexed = key;
            else
                foreach (var d in diagnostics.Sorted()) stderr.WriteLine($"{d} (search in the preview is out of date until the next rebuild)");
        }
    }
}
