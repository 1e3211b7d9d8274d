using Lscb.Site.Build;
using Lscb.Site.Review;

namespace Lscb.Site.Cli;

/// <summary>
/// <c>diff BASE_DIR HEAD_DIR [--diagnostics FILE] [--artifact NAME] [--output FILE]</c>: compares two
/// built sites by what readers see and writes the reviewer's summary in Markdown (to standard output,
/// or appended to FILE, as GitHub's step summary wants).
/// </summary>
public static partial class DiffCommand
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
        if (!Directory.Exists(folders[0])) return Wrong(stderr, $"the built site '{folders[0]}' does not exist");
        if (diagnostics is not null && !File.Exists(diagnostics)) return Wrong(stderr, $"the diagnostics file '{diagnostics}' does not exist");

        // HEAD_DIR is missing when the change could not be built: the summary then says so, and
        // still names each removed page that other pages refer to, which is usually why.
        var messages = diagnostics is null ? null : File.ReadAllText(diagnostics);
        var comparison = Directory.Exists(folders[1]) ? SiteComparison.Compare(folders[0], folders[1]) : null;
        var stillNamed = RemovedButNamed(folders[0], messages ?? "");
        var summary = ReviewSummary.Markdown(comparison, messages, artifact, stillNamed);
        if (output is null) stdout.Write(summary);
        else File.AppendAllText(output, summary);

        // A page that readers had, gone with no redirect or still named elsewhere, is an error on the
        // pull request, on the removal itself, where the editor who removed it will see it.
        var problems = new List<Core.Diagnostic>();
        foreach (var page in comparison?.Removed ?? [])
            problems.Add(Removal(SiteComparison.SourceOf(page.Url),
                $"the page /{page.Url} ({page.Title}) was removed and nothing leads from its address; give the page that replaces it 'moved_from: [{page.Url}]', or put it back"));
        foreach (var (removed, places) in stillNamed)
            problems.Add(Removal(removed, $"this page was removed, but other pages still name it: {string.Join(", ", places)}; change them too, or put it back"));
        DiagnosticReport.Print(problems, stderr);

        return comparison is null || problems.Count > 0 ? 1 : 0;
    }

    private static Core.Diagnostic Removal(string source, string message) =>
        Core.Diagnostic.Of(Core.DiagnosticCodes.RemovedWithoutRedirect, Core.SourceSpan.StartOf(source), message);

    /// <summary>
    /// The pages of the base site that check's messages say are missing (an unknown theme, response
    /// or source; a link to a page that does not exist): removed by the change, and still named.
    /// </summary>
    public static IReadOnlyDictionary<string, List<string>> RemovedButNamed(string baseSite, string messages)
    {
        var result = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (System.Text.RegularExpressions.Match m in MissingReference().Matches(messages))
        {
            var from = m.Groups["file"].Value;
            var missing = m.Groups["missing"].Success ? m.Groups["missing"].Value
                : Render.LinkResolver.Combine(from, m.Groups["link"].Value.Split('#')[0]) ?? "";
            if (!missing.StartsWith("input/", StringComparison.Ordinal) || !missing.EndsWith(".md", StringComparison.Ordinal)) continue;
            var url = Core.PageUrls.ForInput(missing);
            if (!File.Exists(Path.Combine(baseSite, url, "index.html"))) continue;
            if (!result.TryGetValue(missing, out var places)) result[missing] = places = [];
            places.Add($"{from}({m.Groups["line"].Value},{m.Groups["col"].Value})");
        }

        return result;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<file>\S+?)\((?<line>\d+),(?<col>\d+)\): error SCR0\d\d: (?:.*?\(there is no (?<missing>input/\S+?\.md)|the link '(?<link>[^']+)' leads to a file that does not exist)",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex MissingReference();

    private static int Wrong(TextWriter stderr, string message) => Usage.Wrong(stderr, message);
}
