using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Lscb.Site.Write;

/// <summary>
/// The files of one build. Paths are relative to the output root with forward slashes; text is
/// UTF-8 without a byte order mark, with \n line ends.
/// A site staged into a folder writes each file as it is added and keeps only what the later checks
/// need (its hash and the links in it), so memory does not grow with the size of the pages; the
/// folder is swapped in only when every check has passed. A site staged in memory keeps the bytes.
/// </summary>
public sealed class StagedSite
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly ConcurrentDictionary<string, StagedFile> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _folders = new(StringComparer.Ordinal);

    // Most links repeat on every page (navigation, assets), so each value is kept once.
    private readonly ConcurrentDictionary<string, string> _linkValues = new(StringComparer.Ordinal);

    /// <summary>A site held in memory.</summary>
    public StagedSite()
    {
    }

    /// <summary>A site written into <paramref name="folder"/> as its files are added.</summary>
    /// <param name="folder">The staging folder; created here, and removed by whoever made the site when the build fails.</param>
    public StagedSite(string folder)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
    }

    /// <summary>The staging folder, or null for a site held in memory.</summary>
    public string? Folder { get; }

    /// <summary>Adds a text file; a second file with the same path is a generator bug.</summary>
    public void AddText(string path, string text) => Add(path, Utf8.GetBytes(text), Links(path, text));

    /// <summary>Adds raw bytes.</summary>
    public void AddBytes(string path, byte[] bytes) =>
        Add(path, bytes, IsChecked(path) ? Links(path, Utf8.GetString(bytes)) : []);

    /// <summary>Adds a file copied from disk.</summary>
    public void AddCopy(string path, string fullPath)
    {
        Claim(path);
        if (Folder is not null) File.Copy(fullPath, Target(path));
        _files[path] = new StagedFile(null, fullPath, null, []);
    }

    /// <summary>Every staged path, sorted.</summary>
    public IReadOnlyCollection<string> Paths => _files.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>The staged files, sorted by path.</summary>
    public IReadOnlyList<KeyValuePair<string, StagedFile>> Files => _files.OrderBy(f => f.Key, StringComparer.Ordinal).ToList();

    /// <summary>HTML and XML files are searched for links.</summary>
    public static bool IsChecked(string path) => path.EndsWith(".html", StringComparison.Ordinal) || path.EndsWith(".xml", StringComparison.Ordinal);

    private string[] Links(string path, string text) =>
        IsChecked(path) ? LinkChecker.References(text, path.EndsWith(".xml", StringComparison.Ordinal)).Select(v => _linkValues.GetOrAdd(v, v)).ToArray() : [];

    private void Add(string path, ReadOnlySpan<byte> bytes, string[] links)
    {
        Claim(path);
        var hash = SHA256.HashData(bytes);
        byte[]? kept = null;
        if (Folder is null) kept = bytes.ToArray();
        else
        {
            using var handle = File.OpenHandle(Target(path), FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, bytes.Length);
            RandomAccess.Write(handle, bytes, 0);
        }

        _files[path] = new StagedFile(kept, null, hash, links);
    }

    // Reserves the path before anything is written, so two outputs with one path are caught even
    // when they are added at the same moment.
    private void Claim(string path)
    {
        if (!_files.TryAdd(path, StagedFile.Pending))
            throw new InvalidOperationException($"Two outputs were written to '{path}'.");
    }

    private string Target(string path)
    {
        var full = Path.Combine(Folder!, path);
        var folder = Path.GetDirectoryName(full)!;
        _folders.GetOrAdd(folder, f =>
        {
            Directory.CreateDirectory(f);
            return 0;
        });
        return full;
    }
}

/// <summary>One output file.</summary>
/// <param name="Bytes">The content, when generated and held in memory.</param>
/// <param name="CopyFrom">The file it was copied from, when static.</param>
/// <param name="Hash">The SHA-256 of a generated file's content.</param>
/// <param name="Links">The values of the link attributes in an HTML or XML file, as written.</param>
public sealed record StagedFile(byte[]? Bytes, string? CopyFrom, byte[]? Hash, IReadOnlyList<string> Links)
{
    internal static readonly StagedFile Pending = new(null, null, null, []);
}
