using System.Globalization;
using System.Text;

namespace Lscb.Site.Review;

/// <summary>
/// The pull request's summary for its reviewer, in GitHub's Markdown: the pages added, changed and
/// removed, each with the text a reader sees (changed pages as a line diff), the messages from
/// <c>check</c>, and where to download the built site.
/// </summary>
public static class ReviewSummary
{
    /// <summary>GitHub refuses a step summary over 1 MiB; past this the page texts are cut.</summary>
    public const int MaxLength = 900_000;

    /// <summary>Writes the summary.</summary>
    /// <param name="comparison">What differs between the base and the pull request's site.</param>
    /// <param name="diagnostics">What <c>check</c> printed for the pull request, if given.</param>
    /// <param name="artifact">The name of the uploaded built site, if any.</param>
    /// <param name="stillNamed">Pages the change removed that other pages still name, with where.</param>
    public static string Markdown(SiteComparison? comparison, string? diagnostics, string? artifact, IReadOnlyDictionary<string, List<string>>? stillNamed = null)
    {
        var md = new StringBuilder();
        md.Append("## What readers will see\n\n");
        if (comparison is null)
        {
            md.Append("**The site could not be built with this change**, so there is nothing to compare yet. The messages from `check` below say what to fix.\n\n");
            StillNamed(md, stillNamed);
            Messages(md, diagnostics);
            return md.ToString();
        }

        var total = comparison.Added.Count + comparison.Changed.Count + comparison.Removed.Count + comparison.Moved.Count;
        md.Append(CultureInfo.InvariantCulture,
            $"{Count(comparison.Added.Count, "page")} added, {comparison.Changed.Count} changed, {comparison.Moved.Count} moved, {comparison.Removed.Count} removed; {comparison.Unchanged} unchanged.\n\n");
        if (comparison.Removed.Count > 0)
            md.Append("**Pages were removed without a redirect:** readers' links and bookmarks to them will break. Give the page that replaces each one `moved_from` with its old address (see docs/authoring.md, \"Renaming and deleting a page safely\"), or put the page back.\n\n");
        if (total == 0) md.Append("No page reads differently.\n\n");

        Section(md, "Added", comparison.Added, page => Text(page.Lines, "text"));
        Section(md, "Changed", comparison.Changed, page => page.Diff is null
            ? "The page is too long to compare line by line; read it in the built site.\n\n"
            : Text(page.Diff, "diff"));
        Section(md, "Moved", comparison.Moved.Select(m => m.Page).ToList(), page =>
            $"Its old address now leads to `{comparison.Moved.First(m => m.Page == page).To}`.\n\n");
        Section(md, "Removed", comparison.Removed, page =>
            $"This page is no longer on the site, and nothing leads from its address: it will show \"Page not found\". Removed: `{SiteComparison.SourceOf(page.Url)}`.\n\n");

        StillNamed(md, stillNamed);
        Messages(md, diagnostics);
        if (artifact is not null)
            md.Append(CultureInfo.InvariantCulture,
                $"### The built site\n\nDownload **{artifact}** from this run's summary page, under Artifacts, unzip it, and open `index.html` in a browser through a local web server (see the README).\n");
        return md.ToString();
    }

    private static void StillNamed(StringBuilder md, IReadOnlyDictionary<string, List<string>>? stillNamed)
    {
        if (stillNamed is not { Count: > 0 }) return;
        md.Append("### Removed, but still named by other pages\n\n");
        foreach (var (removed, places) in stillNamed)
            md.Append(CultureInfo.InvariantCulture, $"- `{removed}` is still named by {string.Join(", ", places.Select(p => $"`{p}`"))}\n");
        md.Append('\n');
    }

    private static void Messages(StringBuilder md, string? diagnostics)
    {
        md.Append("### Messages from `check`\n\n");
        var messages = diagnostics?.Trim() ?? "";
        // GitHub's own '::error file=...' copies of each message are for the diff view, not for reading.
        var lines = messages.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => !l.StartsWith("::", StringComparison.Ordinal)).ToList();
        md.Append(lines.All(l => l.Length == 0) ? "None.\n\n" : Text(lines, "text"));
    }

    private static void Section(StringBuilder md, string heading, IReadOnlyList<PageChange> pages, Func<PageChange, string> body)
    {
        if (pages.Count == 0) return;
        md.Append(CultureInfo.InvariantCulture, $"### {heading}\n\n");
        foreach (var page in pages)
        {
            md.Append(CultureInfo.InvariantCulture, $"#### {Escape(page.Title.Length > 0 ? page.Title : "(no title)")} (`/{page.Url}`)\n\n");
            // Over GitHub's limit, the texts give way; the list of pages is always complete.
            md.Append(md.Length < MaxLength ? body(page) : "(Text left out: the summary is too long. Read the page in the built site.)\n\n");
        }
    }

    // A code block whose fence is longer than any run of backticks inside, so no text can close it.
    private static string Text(IReadOnlyList<string> lines, string language)
    {
        var longest = lines.Select(LongestRun).DefaultIfEmpty(0).Max();
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}{language}\n{string.Join('\n', lines)}\n{fence}\n\n";
    }

    private static int LongestRun(string line)
    {
        int best = 0, run = 0;
        foreach (var c in line)
        {
            run = c == '`' ? run + 1 : 0;
            best = Math.Max(best, run);
        }

        return best;
    }

    // Titles are the content's own text: keep Markdown from reading them as links or emphasis.
    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|' or '!') sb.Append('\\');
            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");
}
