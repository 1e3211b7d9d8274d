using System.Globalization;
using System.Security.Cryptography;

namespace Lscb.Site.Tests;

/// <summary>Every file of a folder by its SHA-256, and a readable account of how two such snapshots differ.</summary>
internal static class Snapshots
{
    public static SortedDictionary<string, string> Of(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(dir, f).Replace('\\', '/'),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    /// <summary>Empty when equal; otherwise up to 20 lines naming the missing, extra and changed files.</summary>
    public static string Difference(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        var lines = new List<string>();
        lines.AddRange(expected.Keys.Where(k => !actual.ContainsKey(k)).Select(k => "missing: " + k));
        lines.AddRange(actual.Keys.Where(k => !expected.ContainsKey(k)).Select(k => "extra:   " + k));
        lines.AddRange(expected.Where(p => actual.TryGetValue(p.Key, out var h) && h != p.Value).Select(p => "changed: " + p.Key));
        return lines.Count == 0 ? "" : string.Create(CultureInfo.InvariantCulture,
            $"{lines.Count} differences ({expected.Count} files expected, {actual.Count} found):\n{string.Join('\n', lines.Take(20))}");
    }
}
