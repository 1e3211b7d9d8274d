using System.Text;

namespace Lscb.Site.Write;

/// <summary>
/// The files of one build, held until every check has passed. Paths are relative to the output
/// root with forward slashes; text is UTF-8 without a byte order mark, with \n line ends.
/// </summary>
public sealed class StagedSite
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly SortedDictionary<string, StagedFile> _files = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Adds a text file; a second file with the same path is a generator bug.</summary>
    public void AddText(string path, string text) => Add(path, new StagedFile(Utf8.GetBytes(text), null));

    /// <summary>Adds raw bytes.</summary>
    public void AddBytes(string path, byte[] bytes) => Add(path, new StagedFile(bytes, null));

    /// <summary>Adds a file to be copied from disk at write time.</summary>
    public void AddCopy(string path, string fullPath) => Add(path, new StagedFile(null, fullPath));

    /// <summary>Every staged path, sorted.</summary>
    public IReadOnlyCollection<string> Paths
    {
        get
        {
            lock (_gate) return _files.Keys.ToList();
        }
    }

    /// <summary>The staged files, sorted by path.</summary>
    public IReadOnlyList<KeyValuePair<string, StagedFile>> Files
    {
        get
        {
            lock (_gate) return _files.ToList();
        }
    }

    private void Add(string path, StagedFile file)
    {
        lock (_gate)
        {
            if (!_files.TryAdd(path, file))
                throw new InvalidOperationException($"Two outputs were written to '{path}'.");
        }
    }
}

/// <summary>One output file: bytes in memory, or a file to copy.</summary>
/// <param name="Bytes">The content, when generated.</param>
/// <param name="CopyFrom">The file to copy, when static.</param>
public sealed record StagedFile(byte[]? Bytes, string? CopyFrom);
