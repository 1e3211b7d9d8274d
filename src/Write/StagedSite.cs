using System.Collections.Concurrent;
using System.Text;
using Lscb.Site.Core;

namespace Lscb.Site.Write;

/// <summary>
/// The files of one build. Paths are relative to the output root with forward slashes; text is
/// UTF-8 without a byte order mark, with \n line ends. A site is staged in one of three ways:
/// <list type="bullet">
/// <item>into a staging folder (<c>build</c>): each file is written as it is added and only what the
/// later checks need is kept (the links in it, and its hash when asked for), so memory does not
/// grow with the pages; the folder is swapped in only when every check has passed;</item>
/// <item>to update a folder in place (<c>preview</c> after its first build): only the files that differ
/// from what the folder holds are kept, and written when the build has passed;</item>
/// <item>as a record only (a build with no output folder, and tests): nothing is written or kept but
/// the links and hashes.</item>
/// </list>
/// </summary>
public sealed class StagedSite : IDisposable, IPageSink
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, StagedFile> _files = new(StringComparer.Ordinal);

    // Most links repeat on every page (navigation, assets), so each value is kept once.
    private readonly ConcurrentDictionary<string, string> _linkValues = new(StringComparer.Ordinal);

    private readonly FolderWriter? _writer;
    private readonly bool _hashed = true;
    private readonly IReadOnlyDictionary<string, byte[]>? _published;

    /// <summary>A site recorded but not written anywhere.</summary>
    public StagedSite()
    {
    }

    /// <summary>A site written into <paramref name="folder"/> as its files are added.</summary>
    /// <param name="folder">The staging folder; created here, and removed by whoever made the site when the build fails.</param>
    /// <param name="hashed">False when nothing will ask for the files' hashes (no search index, no preview), to save hashing every page.</param>
    public StagedSite(string folder, bool hashed = true)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        _writer = new FolderWriter();
        _hashed = hashed;
    }

    /// <summary>
    /// A site that will update <paramref name="output"/> in place: a file is kept, in memory, only
    /// when it differs from what <paramref name="published"/> says the folder holds, and nothing is
    /// written until <see cref="OutputSwapper.Update"/>.
    /// </summary>
    /// <param name="output">The folder the last good build was published into.</param>
    /// <param name="published">The SHA-256 of each file in it, by path.</param>
    public StagedSite(string output, IReadOnlyDictionary<string, byte[]> published)
    {
        UpdatesFolder = output;
        _published = published;
    }

    /// <summary>The staging folder the files are written into as they are added; null when they are not written yet.</summary>
    public string? Folder { get; }

    /// <summary>The output folder this site updates in place, or null.</summary>
    public string? UpdatesFolder { get; }

    /// <summary>Paths the updated folder holds that this site no longer has.</summary>
    public IEnumerable<string> Removed => _published?.Keys.Where(p => !_files.ContainsKey(p)) ?? [];

    /// <summary>The SHA-256 of each file, by path: what the output holds once this site is published.</summary>
    public IReadOnlyDictionary<string, byte[]> Hashes => _files.ToDictionary(f => f.Key, f => f.Value.Hash!, StringComparer.Ordinal);

    /// <summary>Waits until every file added is on disk; throws when one could not be written.</summary>
    public void Finish() => _writer?.Finish();

    /// <summary>Stops writing, for a build that failed.</summary>
    public void Dispose() => _writer?.Dispose();

    /// <summary>Adds a text file; a second file with the same path is a generator bug.</summary>
    /// <returns>What was staged, for <see cref="TryAddKnown"/> in a later build.</returns>
    public StagedFile AddText(string path, string text) => AddBytes(path, Utf8.GetBytes(text));

    /// <summary>
    /// Adds a file staged by an earlier build, when the folder being updated still holds exactly
    /// that file: nothing is encoded, hashed or searched for links again.
    /// </summary>
    /// <returns>False, and nothing added, when the folder does not hold it (or the site is not an update).</returns>
    public bool TryAddKnown(string path, StagedFile before)
    {
        if (_published is null || before.Hash is null || !(_published.TryGetValue(path, out var hash) && hash.AsSpan().SequenceEqual(before.Hash)))
            return false;

        Claim(path);
        _files[path] = before with { Bytes = null };
        return true;
    }

    /// <summary>Adds a file as its bytes (text as UTF-8, such as a rendered page); HTML and XML are searched for links.</summary>
    /// <returns>What was staged, for <see cref="TryAddKnown"/> in a later build.</returns>
    public StagedFile AddBytes(string path, byte[] bytes) => Add(path, bytes, Links(path, bytes));

    /// <summary>Adds a copy of a file on disk, such as an image under input/.</summary>
    public void AddCopy(string path, string fullPath) => _ = Add(path, File.ReadAllBytes(fullPath), []);

    /// <summary>Every staged path, sorted.</summary>
    public IReadOnlyCollection<string> Paths => _files.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The staged files, sorted by path.</summary>
    public IReadOnlyList<KeyValuePair<string, StagedFile>> Files => _files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();

    /// <summary>HTML and XML files are searched for links.</summary>
    public static bool IsChecked(string path) => path.EndsWith(".html", StringComparison.Ordinal) || path.EndsWith(".xml", StringComparison.Ordinal);

    private string[] Links(string path, byte[] utf8) =>
        IsChecked(path) ? LinkChecker.References(utf8, path.EndsWith(".xml", StringComparison.Ordinal)).Select(v => _linkValues.GetOrAdd(v, v)).ToArray() : [];

    private StagedFile Add(string path, byte[] bytes, string[] links)
    {
        Claim(path);
        var hash = _hashed ? Core.Hashes.Of(bytes) : null;
        byte[]? kept = null;
        if (_published is not null)
        {
            // Only what changed is kept, to be written when the site is published.
            if (!(_published.TryGetValue(path, out var before) && before.AsSpan().SequenceEqual(hash!))) kept = bytes;
        }
        else if (Folder is not null) _writer!.Write(Path.Combine(Folder, path), bytes);

        var file = new StagedFile(kept, hash, links);
        _files[path] = file;
        return file with { Bytes = null };
    }

    // Reserves the path before anything is written, so two outputs with one path are caught even
    // when they are added at the same moment.
    private void Claim(string path)
    {
        if (!_files.TryAdd(path, StagedFile.Pending))
            throw new InvalidOperationException($"Two outputs were written to '{path}'.");
    }
}
