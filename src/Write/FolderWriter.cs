using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Lscb.Site.Write;

/// <summary>
/// Writes files into a folder from one thread of its own while the pages that fill it are rendered
/// on the others. A site has one folder per page, nearly all of them in one parent folder, and the
/// file system creates entries in one folder one at a time: writing from every rendering thread made
/// them queue for it inside the kernel, costing more than the writing itself.
/// </summary>
internal sealed class FolderWriter : IDisposable
{
    private readonly BlockingCollection<(string Path, byte[] Bytes)> _queue = new(boundedCapacity: 256);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal);
    private readonly Thread _thread;
    private volatile ExceptionDispatchInfo? _failure;

    public FolderWriter()
    {
        _thread = new Thread(Run) { IsBackground = true, Name = "site writer" };
        _thread.Start();
    }

    /// <summary>Queues a new file; throws the writer's own failure, if it had one, so the build stops early.</summary>
    public void Write(string fullPath, byte[] bytes)
    {
        _failure?.Throw();
        _queue.Add((fullPath, bytes));
    }

    /// <summary>Waits until every queued file is written; throws what went wrong if anything did.</summary>
    public void Finish()
    {
        Stop();
        _failure?.Throw();
    }

    /// <summary>Stops without reporting, for a build that is being abandoned.</summary>
    public void Dispose()
    {
        Stop();
        _queue.Dispose();
    }

    private void Stop()
    {
        if (!_queue.IsAddingCompleted) _queue.CompleteAdding();
        _thread.Join();
    }

    private void Run()
    {
        foreach (var (path, bytes) in _queue.GetConsumingEnumerable())
        {
            if (_failure is not null) continue;
            try
            {
                var folder = Path.GetDirectoryName(path)!;
                if (_folders.Add(folder)) Directory.CreateDirectory(folder);
                using var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write);
                RandomAccess.Write(handle, bytes, 0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
        }
    }
}
