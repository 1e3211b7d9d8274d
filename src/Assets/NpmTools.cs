using Lscb.Site.Core;

namespace Lscb.Site.Assets;

/// <summary>
/// Keeps <c>node_modules</c> in step with <c>package-lock.json</c>: <c>npm ci</c> runs when the
/// folder is missing or was installed from a different lock file. A lock file on disk serialises
/// builds that start at the same moment (tests run in parallel).
/// </summary>
public static class NpmTools
{
    private const string Stamp = "node_modules/.site-lock-sha256";

    /// <summary>True when the tools are ready; otherwise reports SCR040.</summary>
    public static bool Ensure(string themeRoot, DiagnosticBag diagnostics)
    {
        var lockFile = Path.Combine(themeRoot, "package-lock.json");
        var expected = Hashes.OfFiles([lockFile], themeRoot);
        var stamp = Path.Combine(themeRoot, Stamp);
        if (File.Exists(stamp) && File.ReadAllText(stamp) == expected) return true;

        Directory.CreateDirectory(Path.Combine(themeRoot, ".cache"));
        using var gate = AcquireGate(Path.Combine(themeRoot, ".cache", "npm.lock"));
        if (File.Exists(stamp) && File.ReadAllText(stamp) == expected) return true;

        Console.Error.WriteLine("Installing the front-end tools (npm ci)...");
        var (code, output) = ToolRunner.Run("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], themeRoot);
        if (code != 0)
        {
            diagnostics.Report(DiagnosticCodes.FrontEndToolsFailed, SourceSpan.StartOf("package.json"), code == -1
                ? "Node.js 20 or later (with npm) is needed to build the site's styles and search; install it and try again"
                : $"'npm ci' failed: {ToolRunner.Tail(output)}");
            return false;
        }

        File.WriteAllText(stamp, expected);
        return true;
    }

    private static FileStream AcquireGate(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 1200)
            {
                Thread.Sleep(250);
            }
        }
    }
}
