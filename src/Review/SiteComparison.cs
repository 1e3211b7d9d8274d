namespace Lscb.Site.Review;

/// <summary>One page that differs between two builds, by what a reader sees on it.</summary>
/// <param name="Url">The page's address in the site: "cases/child-o/", or "" for the home page.</param>
/// <param name="Title">Its title (the newer one, for a changed page).</param>
/// <param name="Lines">Its text (the newer one; the older one for a removed page).</param>
/// <param name="Diff">For a changed page, the changed lines with context; null when too long to compare.</param>
public sealed record PageChange(string Url, string Title, IReadOnlyList<string> Lines, IReadOnlyList<string>? Diff = null);

/// <summary>What differs between two built sites, page by page, in the text readers see.</summary>
/// <param name="Added">Pages only in the newer site.</param>
/// <param name="Changed">Pages in both whose text differs.</param>
/// <param name="Removed">Pages only in the older site.</param>
/// <param name="Unchanged">How many pages read the same in both.</param>
public sealed record SiteComparison(IReadOnlyList<PageChange> Added, IReadOnlyList<PageChange> Changed, IReadOnlyList<PageChange> Removed, int Unchanged)
{
    /// <summary>Pages whose old address now redirects (<c>moved_from</c>): the old page, and the address it leads to.</summary>
    public IReadOnlyList<(PageChange Page, string To)> Moved { get; init; } = [];

    /// <summary>The Markdown file a page was built from, by the site's addresses: "cases/child-x/" is input/cases/child-x.md.</summary>
    public static string SourceOf(string url)
    {
        var parts = url.TrimEnd('/').Split('/');
        return parts.Length == 2 && parts[0] is "cases" or "themes" or "responses" or "sources"
            ? $"input/{parts[0]}/{parts[1]}.md"
            : $"input/pages/{parts[^1]}.md";
    }

    /// <summary>Compares the HTML pages of two built site folders, by address.</summary>
    public static SiteComparison Compare(string before, string after)
    {
        var old = Pages(before);
        var now = Pages(after);
        var added = new List<PageChange>();
        var moved = new List<(PageChange, string)>();
        var changed = new List<PageChange>();
        var removed = new List<PageChange>();
        var unchanged = 0;
        foreach (var (url, path) in now)
        {
            if (!old.TryGetValue(url, out var oldPath))
            {
                var (title, lines) = ReaderText.Of(File.ReadAllText(path));
                added.Add(new PageChange(url, title, lines));
                continue;
            }

            // Most pages are byte for byte the same; only the others are read as text.
            if (File.ReadAllBytes(path).AsSpan().SequenceEqual(File.ReadAllBytes(oldPath)))
            {
                unchanged++;
                continue;
            }

            var (oldTitle, was) = ReaderText.Of(File.ReadAllText(oldPath));
            var nowHtml = File.ReadAllText(path);
            if (RedirectTarget(nowHtml) is { } target && RedirectTarget(File.ReadAllText(oldPath)) is null)
            {
                moved.Add((new PageChange(url, oldTitle, was), target));
                continue;
            }

            var (newTitle, isNow) = ReaderText.Of(nowHtml);
            if (was.SequenceEqual(isNow, StringComparer.Ordinal)) unchanged++;
            else changed.Add(new PageChange(url, newTitle, isNow, LineDiff.Unified(was, isNow)));
        }

        foreach (var (url, path) in old.Where(o => !now.ContainsKey(o.Key)))
        {
            var (title, lines) = ReaderText.Of(File.ReadAllText(path));
            removed.Add(new PageChange(url, title, lines));
        }

        return new SiteComparison(added, changed, removed, unchanged) { Moved = moved };
    }

    // A redirect page from an old address: where its refresh leads.
    private static string? RedirectTarget(string html)
    {
        var at = html.IndexOf("http-equiv=\"refresh\" content=\"0; url=", StringComparison.Ordinal);
        if (at < 0) return null;
        var start = at + "http-equiv=\"refresh\" content=\"0; url=".Length;
        var end = html.IndexOf('"', start);
        return end < 0 ? null : System.Net.WebUtility.HtmlDecode(html[start..end]);
    }

    // Address to file, for every HTML page: cases/child-o/index.html is "cases/child-o/".
    private static SortedDictionary<string, string> Pages(string root)
    {
        var pages = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.StartsWith("pagefind/", StringComparison.Ordinal)) continue;
            pages[relative == "index.html" ? "" : relative.EndsWith("/index.html", StringComparison.Ordinal) ? relative[..^"index.html".Length] : relative] = file;
        }

        return pages;
    }
}
