using System.Collections.Concurrent;
using Lscb.Site.Core;

namespace Lscb.Site.Load;

/// <summary>
/// What reading each input file gave, kept by <c>preview</c> between rebuilds: a file whose size and
/// modification time are unchanged is not read again, and the same <see cref="SourceFile"/> comes
/// back, so later phases can recognise it too.
/// </summary>
public sealed class SourceCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    internal bool TryGet(string path, FileInfo info, out Entry entry) =>
        _entries.TryGetValue(path, out entry!) && entry.Length == info.Length && entry.Modified == info.LastWriteTimeUtc;

    internal void Store(string path, Entry entry) => _entries[path] = entry;

    /// <summary>Forgets files that are gone, so the cache never outgrows the site.</summary>
    internal void KeepOnly(IEnumerable<string> paths)
    {
        var keep = paths.ToHashSet(StringComparer.Ordinal);
        foreach (var path in _entries.Keys)
            if (!keep.Contains(path)) _entries.TryRemove(path, out _);
    }

    internal sealed record Entry(long Length, DateTime Modified, SourceFile? File, IReadOnlyList<Diagnostic> Diagnostics);
}
