using System.Security.Cryptography;
using System.Text;

namespace Lscb.Site.Core;

/// <summary>
/// A SHA-256 fed in parts, one after another with nothing between them: text (as UTF-8), bytes and
/// files. A caller that needs parts kept apart adds its own separators.
/// </summary>
public sealed class HashBuilder : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    /// <summary>Adds <paramref name="text"/> as UTF-8.</summary>
    public HashBuilder Add(string text)
    {
        _hash.AppendData(Encoding.UTF8.GetBytes(text));
        return this;
    }

    /// <summary>Adds <paramref name="text"/> as UTF-8 after its length, so that different splits of the same text never hash alike.</summary>
    public HashBuilder AddPart(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        _hash.AppendData(BitConverter.GetBytes(bytes.Length));
        _hash.AppendData(bytes);
        return this;
    }

    /// <summary>Adds <paramref name="bytes"/>.</summary>
    public HashBuilder Add(byte[] bytes)
    {
        _hash.AppendData(bytes);
        return this;
    }

    /// <summary>Adds the content of the file at <paramref name="path"/>; nothing when there is no such file.</summary>
    public HashBuilder AddFile(string path) => Add(File.Exists(path) ? File.ReadAllBytes(path) : []);

    /// <summary>The hash of everything added, in lower-case hex; the builder starts again empty.</summary>
    public string ToHex() => Convert.ToHexStringLower(_hash.GetHashAndReset());

    /// <inheritdoc/>
    public void Dispose() => _hash.Dispose();
}
