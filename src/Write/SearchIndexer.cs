using Lscb.Site.Assets;
using Lscb.Site.Core;

namespace Lscb.Site.Write;

/// <summary>
/// Runs Pagefind (npm <c>pagefind</c>, pinned) over the staged HTML, before the staged site is
/// swapped in, so a site is never published with a missing or stale index. Pagefind indexes only
/// pages marked <c>data-pagefind-body</c>: cases, themes, responses, plain pages and the glossary.
/// A withheld case's page is staged but carries no <c>data-pagefind-body</c>, so nothing of it is
/// indexed; drafts and embargoed pages are not staged at all.
/// Pagefind's output depends only on the HTML and Pagefind itself, so it is cached by their hash:
/// a build whose pages did not change copies the last index instead of running Pagefind again.
/// </summary>
public static class SearchIndexer
{
    private const string Runner = "node_modules/pagefind/lib/runner/bin.cjs";

    // Left out of the index: the "Worried about a child?" box and the warning that a page describes
    // harm, the same on every case page and no part of what the case says. Indexed, they made every
    // case a result for "NSPCC", "helpline" or "distressing". (Lists of other pages are left out by
    // theme/ItemList.razor itself.)
    private static readonly string[] Options =
        ["--force-language", "en", "--silent", "--exclude-selectors", ".app-help", "--exclude-selectors", ".app-distressing"];

    /// <summary>Indexes <paramref name="stagedDir"/> into its <c>pagefind/</c> folder; false after reporting SCR041.</summary>
    /// <param name="themeRoot">Where node_modules is.</param>
    /// <param name="stagedDir">The staged site on disk.</param>
    /// <param name="staged">The same site in memory, whose HTML is the cache key.</param>
    /// <param name="diagnostics">Where a failure goes.</param>
    /// <param name="background">True for preview's indexing after a reload: Pagefind then runs below normal priority, so the next rebuild is not slowed by it.</param>
    public static bool Run(string themeRoot, string stagedDir, StagedSite staged, DiagnosticBag diagnostics, bool background = false)
    {
        var cacheRoot = Path.Combine(themeRoot, ".cache", "pagefind");
        var cached = Path.Combine(cacheRoot, Key(themeRoot, staged));
        var target = Path.Combine(stagedDir, "pagefind");
        if (File.Exists(Path.Combine(cached, "pagefind.js")))
        {
            CopyTree(cached, target);
            return true;
        }

        var (program, runner) = Program(themeRoot);
        var (code, output) = ToolRunner.Run(program, [.. runner, "--site", stagedDir, .. Options], themeRoot, background);
        if (code != 0 || !File.Exists(Path.Combine(target, "pagefind.js")))
        {
            diagnostics.Report(DiagnosticCodes.SearchIndexFailed, SourceSpan.StartOf("package.json"), $"the search index could not be built: {ToolRunner.Tail(output)}");
            return false;
        }

        Remember(target, cacheRoot, cached);
        return true;
    }

    // The npm package's runner only finds this platform's Pagefind binary and starts it. Started
    // directly, as the runner would find it, the build saves starting node, and node's memory while
    // Pagefind runs; the runner is used when the binary is not where it looks first.
    private static (string Program, string[] Runner) Program(string themeRoot)
    {
        var os = OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "darwin" : OperatingSystem.IsLinux() ? "linux" : null;
        var cpu = System.Runtime.InteropServices.RuntimeInformation.OSArchitecture switch
        {
            System.Runtime.InteropServices.Architecture.X64 => "x64",
            System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
            _ => null,
        };
        var binary = Path.Combine(themeRoot, "node_modules", "@pagefind", $"{os}-{cpu}", "bin", OperatingSystem.IsWindows() ? "pagefind_extended.exe" : "pagefind_extended");
        return os is not null && cpu is not null && File.Exists(binary) ? (binary, []) : ("node", [Runner]);
    }

    /// <summary>What the index depends on: Pagefind, its options and every staged page, hashed.</summary>
    public static string Key(string themeRoot, StagedSite staged)
    {
        using var hash = new HashBuilder();
        foreach (var tool in new[] { Runner, "package-lock.json" }) hash.AddFile(Path.Combine(themeRoot, tool));
        hash.Add(string.Join(' ', Options));
        foreach (var (path, file) in staged.Files)
        {
            if (path.EndsWith(".html", StringComparison.Ordinal) && file.Hash is not null) hash.Add(path + "\0").Add(file.Hash);
        }

        return hash.ToHex()[..32];
    }

    // Copied into the cache under a temporary name and renamed, so a half-copied index is never used;
    // only the newest few are kept.
    private static void Remember(string index, string cacheRoot, string cached)
    {
        try
        {
            Directory.CreateDirectory(cacheRoot);
            var temp = cached + $".tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
            CopyTree(index, temp);
            try
            {
                Directory.Move(temp, cached);
            }
            catch (IOException)
            {
                // Another build cached the same index a moment ago.
                Directory.Delete(temp, recursive: true);
            }

            foreach (var old in new DirectoryInfo(cacheRoot).GetDirectories().OrderByDescending(d => d.LastWriteTimeUtc).Skip(4))
                old.Delete(recursive: true);
        }
        catch (IOException)
        {
            // The cache only saves time; a build never fails because of it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }
}
