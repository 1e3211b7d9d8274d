using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Lscb.Site.Core;

namespace Lscb.Site.Render;

/// <summary>
/// Remembers a fingerprint of everything each page was made from, so that a rebuild in
/// <c>preview</c> renders only the pages an edit touches: the edited page and, when its front matter
/// changed, the pages that list it. The HTML itself is not kept: the preview folder holds it. One
/// build uses no cache; <c>preview</c> keeps one for as long as it runs.
/// </summary>
public sealed class RenderCache
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    // Per file, and kept while the file is: an unchanged file is the same object in the next build.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<SourceFile, string[]> _hashes = new();
    private int _rendered;
    private int _reused;

    /// <summary>Pages rendered by the last build.</summary>
    public int Rendered => _rendered;

    /// <summary>Pages taken from the cache by the last build.</summary>
    public int Reused => _reused;

    /// <summary>Starts counting a new build.</summary>
    public void BeginBuild()
    {
        _rendered = 0;
        _reused = 0;
    }

    /// <summary>The remembered page when its fingerprint is unchanged.</summary>
    internal Entry? Find(string url, string fingerprint) =>
        _entries.TryGetValue(url, out var entry) && entry.Fingerprint == fingerprint ? entry : null;

    /// <summary>Counts a page reused instead of rendered.</summary>
    internal void Reuse() => Interlocked.Increment(ref _reused);

    /// <summary>Remembers a freshly rendered page.</summary>
    internal void Store(string url, Entry entry)
    {
        Interlocked.Increment(ref _rendered);
        _entries[url] = entry;
    }

    /// <summary>A fingerprint of a file's front matter, and with <paramref name="withBody"/> of its body too.</summary>
    internal string HashOf(SourceFile file, bool withBody)
    {
        var hashes = _hashes.GetValue(file, f =>
        {
            var head = Fingerprint([f.Path, f.FrontMatter]);
            return [head, Fingerprint([head, f.Body, f.BodyLine.ToString(System.Globalization.CultureInfo.InvariantCulture)])];
        });
        return hashes[withBody ? 1 : 0];
    }

    /// <summary>A hex SHA-256 of the parts, each length-prefixed so that different splits never collide.</summary>
    internal static string Fingerprint(IEnumerable<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            var bytes = Encoding.UTF8.GetBytes(part);
            hash.AppendData(BitConverter.GetBytes(bytes.Length));
            hash.AppendData(bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// One remembered page: not its HTML, which the preview folder already holds, but what staging
    /// found in it and the warnings its Markdown produced, replayed when it is reused.
    /// </summary>
    /// <param name="Fingerprint">What the page was made from.</param>
    /// <param name="Diagnostics">The warnings its Markdown produced.</param>
    /// <param name="Staged">Its hash and links, as staging found them.</param>
    internal sealed record Entry(string Fingerprint, IReadOnlyList<Diagnostic> Diagnostics, Write.StagedFile Staged);
}
