using System.Security.Cryptography;
using System.Text;

namespace Lscb.Site.Core;

/// <summary>Content hashes for caches and fingerprints: SHA-256, written as lower-case hex where a string is wanted.</summary>
public static class Hashes
{
    /// <summary>The SHA-256 of <paramref name="bytes"/>.</summary>
    public static byte[] Of(byte[] bytes) => SHA256.HashData(bytes);

    /// <summary>A hex SHA-256 of <paramref name="text"/> as UTF-8.</summary>
    public static string OfText(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>A hex SHA-256 over the files' paths (relative to <paramref name="root"/>) and contents, in ordinal order.</summary>
    public static string OfFiles(IEnumerable<string> files, string root)
    {
        using var hash = new HashBuilder();
        foreach (var file in files.Select(Path.GetFullPath).Order(StringComparer.Ordinal))
            hash.Add(Path.GetRelativePath(root, file).Replace('\\', '/')).AddFile(file);

        return hash.ToHex();
    }
}
