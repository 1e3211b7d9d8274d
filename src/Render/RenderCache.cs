using System.Collections.Concurrent;
using Lscb.Site.Core;

namespace Lscb.Site.Render;

/// <summary>
/// Remembers, for each page, what it read from the content while it rendered (<see cref="Reads"/>):
/// which items, which of their fields, which settings and which of the site model's lists and lookups.
/// A rebuild in <c>preview</c> looks each of those up again in the new content and renders only the
/// pages for which some value differs. The HTML itself is not kept: the preview folder holds it. The
/// feed, sitemap, robots file, data export and search terms are remembered the same way, with their
/// text. One build uses no cache; <c>preview</c> keeps one for as long as it runs.
/// </summary>
public sealed class RenderCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (Entry Made, string Text)> _derived = new(StringComparer.Ordinal);

    // One read object per key, shared by every page that made that read, so that its value in a
    // build is worked out once and found again without a lookup (Read.CachedValue).
    private readonly ConcurrentDictionary<string, Read> _shared = new(StringComparer.Ordinal);
    private IReadSource? _content;
    private int _build;
    private int _rendered;
    private int _reused;

    /// <summary>Pages rendered by the last build.</summary>
    public int Rendered => _rendered;

    /// <summary>Pages taken from the cache by the last build.</summary>
    public int Reused => _reused;

    /// <summary>Starts a new build, whose reads are looked up in <paramref name="content"/>.</summary>
    public void BeginBuild(IReadSource content)
    {
        _rendered = 0;
        _reused = 0;
        _content = content;
        _build++;
    }

    /// <summary>The remembered page when its job and every value it read are unchanged.</summary>
    internal Entry? Find(string url, string job) =>
        _entries.TryGetValue(url, out var entry) && entry.Job == job && Unchanged(entry) ? entry : null;

    /// <summary>Counts a page reused instead of rendered.</summary>
    internal void Reuse() => Interlocked.Increment(ref _reused);

    /// <summary>Remembers a freshly rendered page, with what it read.</summary>
    internal void Store(string url, string job, Reads log, IReadOnlyList<Diagnostic> diagnostics, StagedFile staged)
    {
        Interlocked.Increment(ref _rendered);
        var reads = Share(log.All);
        _entries[url] = new Entry(job, reads, ValuesOf(reads), diagnostics, staged);
    }

    /// <summary>
    /// A file made from the content alone (the feed, the sitemap, the export): the remembered text
    /// when nothing it read changed, else <paramref name="make"/>'s, recorded.
    /// </summary>
    /// <param name="path">The file's path in the site.</param>
    /// <param name="job">What else it is made from, outside the content (the sitemap's page list).</param>
    /// <param name="make">Makes the file's text.</param>
    internal string Derive(string path, string job, Func<string> make)
    {
        if (_derived.TryGetValue(path, out var known) && known.Made.Job == job && Unchanged(known.Made))
            return known.Text;
        var log = new Reads();
        string text;
        using (Reads.Begin(log)) text = make();
        var reads = Share(log.All);
        _derived[path] = (new Entry(job, reads, ValuesOf(reads), [], null), text);
        return text;
    }

    // Compared read by read, stopping at the first that differs: most pages of a large site read
    // hundreds of values, and each value is worked out once per build however many pages read it.
    private bool Unchanged(Entry entry)
    {
        for (var i = 0; i < entry.Reads.Count; i++)
        {
            if (!string.Equals(ValueOf(entry.Reads[i]), entry.Values[i], StringComparison.Ordinal)) return false;
        }

        return true;
    }

    private Read[] Share(IReadOnlyList<Read> reads)
    {
        var shared = new Read[reads.Count];
        for (var i = 0; i < shared.Length; i++) shared[i] = _shared.GetOrAdd(reads[i].Key, reads[i]);
        return shared;
    }

    private string[] ValuesOf(Read[] reads)
    {
        var values = new string[reads.Length];
        for (var i = 0; i < values.Length; i++) values[i] = ValueOf(reads[i]);
        return values;
    }

    // A short value is kept as it is; a long one (a list of thousands of cases) by its hash.
    private string ValueOf(Read read)
    {
        // Two pages may work out the same value at once; both get the same text.
        var content = _content ?? throw new InvalidOperationException("BeginBuild was not called");
        if (read.Cached is { } cached)
        {
            if (cached.Item1 == _build) return cached.Item2;
            // A field of an item that is the very object it was read from: the file did not change.
            if (read.Owner is { } owner && ReferenceEquals(content.ItemAt(owner.Source.Path), owner))
            {
                read.Cached = Tuple.Create(_build, cached.Item2);
                return cached.Item2;
            }
        }


        string value;
        // Nothing records while a page is only being compared; the pause is for a caller that is recording.
        using (Reads.Recording ? Reads.Pause() : default(Reads.Scope?))
        {
            try
            {
                var text = Reads.Describe(read.Value(content));
                value = text.Length <= 256 ? text : "#" + Hashes.OfText(text);
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidCastException or ArgumentException or NullReferenceException)
            {
                // The input no longer exists in the shape the page read it: the page is made again.
                value = "gone: " + e.GetType().Name;
            }
        }

        if (read.Owner is { } was) read.Owner = content.ItemAt(was.Source.Path);
        read.Cached = Tuple.Create(_build, value);
        return value;
    }

    /// <summary>A hex SHA-256 of the parts, each length-prefixed so that different splits never collide.</summary>
    internal static string Fingerprint(IEnumerable<string> parts)
    {
        using var hash = new HashBuilder();
        foreach (var part in parts) hash.AddPart(part);
        return hash.ToHex();
    }

    /// <summary>
    /// One remembered page: not its HTML, which the preview folder already holds, but what it read,
    /// what staging found in it and the warnings its Markdown produced, replayed when it is reused.
    /// </summary>
    /// <param name="Job">What the page is made from outside the content: its address, component, title and search entry.</param>
    /// <param name="Reads">What it read from the content.</param>
    /// <param name="Values">The value of each read when the page was made, in the same order.</param>
    /// <param name="Diagnostics">The warnings its Markdown produced.</param>
    /// <param name="Staged">Its hash and links, as staging found them.</param>
    internal sealed record Entry(string Job, IReadOnlyList<Read> Reads, string[] Values, IReadOnlyList<Diagnostic> Diagnostics, StagedFile? Staged);
}
