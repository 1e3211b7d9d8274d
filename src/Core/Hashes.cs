using System.Security.Cryptography;
using System.Text;

namespace Lscb.Site.Core;

/// <summary>Content hashes for caches and fingerprints.</summary>
public static class Hashes
{
    /// <summary>A hex SHA-256 over the files' paths (relative to <paramref name="root"/>) and contents, in ordinal order.</summary>
    public static string OfFiles(IEnumerable<string> files, string root)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files.Select(Path.GetFullPath).Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetRelativePath(root, file).Replace('\\', '/')));
            hash.AppendData(File.Exists(file) ? File.ReadAllBytes(file) : []);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
