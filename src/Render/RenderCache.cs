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

    // The value of each read in this build's content, worked out once however many pages ask.
    private ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);
    private IReadSource? _content;
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
        _values = new(StringComparer.Ordinal);
    }

    /// <summary>The remembered page when its job and every value it read are unchanged.</summary>
    internal Entry? Find(string url, string job) =>
        _entries.TryGetValue(url, out var entry) && entry.Job == job && FingerprintOf(job, entry.Reads) == entry.Fingerprint ? entry : null;

    /// <summary>Counts a page reused instead of rendered.</summary>
    internal void Reuse() => Interlocked.Increment(ref _reused);

    /// <summary>Remembers a freshly rendered page, with what it read.</summary>
    internal void Store(string url, string job, Reads log, IReadOnlyList<Diagnostic> diagnostics, StagedFile staged)
    {
        Interlocked.Increment(ref _rendered);
        _entries[url] = new Entry(job, log.All, FingerprintOf(job, log.All), diagnostics, staged);
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
        if (_derived.TryGetValue(path, out var known) && known.Made.Job == job && FingerprintOf(job, known.Made.Reads) == known.Made.Fingerprint)
            return known.Text;
        var log = new Reads();
        string text;
        using (Reads.Begin(log)) text = make();
        _derived[path] = (new Entry(job, log.All, FingerprintOf(job, log.All), [], null), text);
        return text;
    }

    private string FingerprintOf(string job, IReadOnlyList<Read> reads) =>
        Fingerprint(reads.SelectMany(r => new[] { r.Key, ValueOf(r) }).Prepend(job));

    private string ValueOf(Read read) => _values.GetOrAdd(read.Key, _ =>
    {
        using var quiet = Reads.Pause();
        try
        {
            return Fingerprint([Reads.Describe(read.Value(_content ?? throw new InvalidOperationException("BeginBuild was not called")))]);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidCastException or ArgumentException or NullReferenceException)
        {
            // The input no longer exists in the shape the page read it: the page is made again.
            return "gone: " + e.GetType().Name;
        }
    });

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
    /// <param name="Fingerprint">The job and the value of every read, when it was made.</param>
    /// <param name="Diagnostics">The warnings its Markdown produced.</param>
    /// <param name="Staged">Its hash and links, as staging found them.</param>
    internal sealed record Entry(string Job, IReadOnlyList<Read> Reads, string Fingerprint, IReadOnlyList<Diagnostic> Diagnostics, StagedFile? Staged);
}
