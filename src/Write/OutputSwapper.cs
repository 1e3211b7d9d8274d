using System.Runtime.InteropServices;

namespace Lscb.Site.Write;

/// <summary>
/// Writes a staged site next to the output folder and swaps it in, so that readers of the folder
/// (and a failed or killed build) only ever see the old site or the new one, never half of each.
/// </summary>
public static partial class OutputSwapper
{
    /// <summary>A fresh folder beside <paramref name="output"/> to stage a site in.</summary>
    public static string StagingFolder(string output)
    {
        output = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output) ?? throw new InvalidOperationException($"'{output}' has no parent folder.");
        return Path.Combine(parent, $".{Path.GetFileName(output)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
    }

    /// <summary>
    /// Runs <paramref name="finish"/> over the site's staging folder (the search index), then swaps
    /// it with <paramref name="output"/>. When <paramref name="finish"/> returns false the staging
    /// folder is removed and the output is left untouched.
    /// </summary>
    /// <returns>True when the new site was swapped in.</returns>
    public static bool Publish(StagedSite site, string output, Func<string, bool>? finish = null)
    {
        output = Path.GetFullPath(output).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(output) ?? throw new InvalidOperationException($"'{output}' has no parent folder.");
        Directory.CreateDirectory(parent);
        var name = Path.GetFileName(output);
        var staging = site.Folder ?? throw new InvalidOperationException("The site was not staged into a folder.");
        try
        {
            site.Finish();
            if (finish is not null && !finish(staging)) return false;
            Swap(staging, output, parent, name);
        }
        finally
        {
            Discard(staging);
        }

        CleanLeftovers(parent, name);
        return true;
    }

    /// <summary>
    /// Publishes a site staged to update its folder in place (preview): writes the files that
    /// changed, each under a temporary name and renamed over the old one so a reader never sees half
    /// a file, and removes the files the site no longer has.
    /// </summary>
    /// <returns>How many files were written and removed.</returns>
    public static (int Written, int Removed) Update(StagedSite site)
    {
        var root = site.UpdatesFolder ?? throw new InvalidOperationException("The site was not staged to update a folder in place.");
        var written = 0;
        foreach (var (path, file) in site.Files)
        {
            if (file.Bytes is not { } bytes) continue;
            var target = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temp = target + $".tmp-{Environment.ProcessId}";
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, target, overwrite: true);
            written++;
        }

        var removed = 0;
        foreach (var path in site.Removed.ToList())
        {
            var target = Path.Combine(root, path);
            File.Delete(target);
            removed++;
            // A page's folder goes with its last file.
            var folder = Path.GetDirectoryName(target)!;
            if (folder.Length > root.Length && !Directory.EnumerateFileSystemEntries(folder).Any()) Directory.Delete(folder);
        }

        return (written, removed);
    }

    /// <summary>Removes a staging folder that will not be published.</summary>
    public static void Discard(string? staging)
    {
        if (staging is not null && Directory.Exists(staging)) DeleteTree(staging);
    }

    // A site has one folder per page, so the folders two levels down are removed in parallel first.
    // Symbolic links are never followed: a link to a folder elsewhere is removed, not what it points to.
    private static void DeleteTree(string root)
    {
        static bool Real(DirectoryInfo d) => (d.Attributes & FileAttributes.ReparsePoint) == 0;
        var top = new DirectoryInfo(root);
        Parallel.ForEach(top.EnumerateDirectories().Where(Real).SelectMany(d => d.EnumerateDirectories()).Where(Real), d => d.Delete(recursive: true));
        top.Delete(recursive: true);
    }

    private static void Swap(string staging, string output, string parent, string name)
    {
        if (!Directory.Exists(output))
        {
            Directory.Move(staging, output);
            return;
        }

        // On Linux one renameat2(RENAME_EXCHANGE) swaps the two folders atomically.
        if (OperatingSystem.IsLinux() && Exchange(staging, output))
        {
            DeleteTree(staging);
            return;
        }

        var old = Path.Combine(parent, $".{name}.old-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.Move(output, old);
        Directory.Move(staging, output);
        DeleteTree(old);
    }

    private static bool Exchange(string a, string b)
    {
        const int AtFdCwd = -100;
        const uint RenameExchange = 2;
        try
        {
            return RenameAt2(AtFdCwd, a, AtFdCwd, b, RenameExchange) == 0;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    // Folders left by a build that was killed part-way; never the live output.
    private static void CleanLeftovers(string parent, string name)
    {
        foreach (var dir in Directory.EnumerateDirectories(parent, $".{name}.*"))
        {
            var leaf = Path.GetFileName(dir);
            if (!leaf.StartsWith($".{name}.staging-", StringComparison.Ordinal) && !leaf.StartsWith($".{name}.old-", StringComparison.Ordinal)) continue;
            if (int.TryParse(leaf.Split('-')[^2], out var pid) && IsRunning(pid)) continue;
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // Another build may be removing it at the same moment; it is only a leftover.
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return false;
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int RenameAt2(int olddirfd, string oldpath, int newdirfd, string newpath, uint flags);
}
