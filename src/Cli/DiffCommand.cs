using Lscb.Site.Review;

namespace Lscb.Site.Cli;

/// <summary>
/// <c>diff BASE_DIR HEAD_DIR [--diagnostics FILE] [--artifact NAME] [--output FILE]</c>: compares two
/// built sites by what readers see and writes the reviewer's summary in Markdown (to standard output,
/// or appended to FILE, as GitHub's step summary wants).
/// </summary>
public static class DiffCommand
{
    /// <summary>Runs the command; exit status 0, 1 when a page was removed without a redirect (SCR091), or 2 for wrong usage.</summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var folders = new List<string>();
        string? diagnostics = null, artifact = null, output = null;
        for (var i = 0; i < args.Count; i++)
        {
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (args[i])
            {
                case "--diagnostics": diagnostics = Value() ?? ""; break;
                case "--artifact": artifact = Value() ?? ""; break;
                case "--output": output = Value() ?? ""; break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    return Wrong(stderr, $"unknown option '{option}' for 'diff' (allowed: --diagnostics, --artifact, --output)");
                default: folders.Add(args[i]); break;
            }
        }

        if (folders.Count != 2) return Wrong(stderr, "write it as: diff BASE_DIR HEAD_DIR, the folders of two built sites");
        if (diagnostics == "" || artifact == "" || output == "") return Wrong(stderr, "--diagnostics, --artifact and --output each need a value");
        foreach (var folder in folders.Where(f => !Directory.Exists(f)))
            return Wrong(stderr, $"the built site '{folder}' does not exist");
        if (diagnostics is not null && !File.Exists(diagnostics)) return Wrong(stderr, $"the diagnostics file '{diagnostics}' does not exist");

        var comparison = SiteComparison.Compare(folders[0], folders[1]);
        var summary = ReviewSummary.Markdown(comparison, diagnostics is null ? null : File.ReadAllText(diagnostics), artifact);
        if (output is null) stdout.Write(summary);
        else File.AppendAllText(output, summary);

        // A page that readers had, gone with no redirect, is an error on the pull request: on the removal itself.
        var github = string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var page in comparison.Removed)
        {
            var source = SiteComparison.SourceOf(page.Url);
            var message = $"the page /{page.Url} ({page.Title}) was removed and nothing leads from its address; give the page that replaces it 'moved_from: [{page.Url}]', or put it back";
            stderr.WriteLine($"{source}(1,1): error SCR091: {message}");
            if (github) stderr.WriteLine($"::error file={source},line=1,col=1::SCR091: {message}");
        }

        return comparison.Removed.Count > 0 ? 1 : 0;
    }

    private static int Wrong(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        stderr.WriteLine("Run 'Site --help' for the commands and options.");
        return 2;
    }
}
