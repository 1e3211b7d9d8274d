using System.Text.RegularExpressions;
using Lscb.Site.Core;
using Lscb.Site.Load;

namespace Lscb.Site.Validate;

/// <summary>
/// Phase 2, Validate: binds every file's front matter to a typed record, then checks references
/// between them. Reports everything it finds; a file with errors is left out of the result.
/// </summary>
public static partial class ContentValidator
{
    private static readonly Dictionary<string, Publication> Publications = new(StringComparer.Ordinal)
    {
        ["published"] = Publication.Published,
        ["withheld"] = Publication.Withheld,
    };

    private static readonly Dictionary<string, ResponseStatus> Statuses = new(StringComparer.Ordinal)
    {
        ["planned"] = ResponseStatus.Planned,
        ["in-progress"] = ResponseStatus.InProgress,
        ["in-place"] = ResponseStatus.InPlace,
    };

    /// <summary>Summaries longer than this are cut off in search results and social previews.</summary>
    public const int SummaryAdvisedLength = 200;

    /// <summary>Validates the loaded site; null when the settings themselves cannot be used.</summary>
    /// <param name="site">The loaded files.</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="cache">Front matter bound by earlier runs of this process (preview).</param>
    public static ValidatedSite? Validate(LoadedSite site, DiagnosticBag diagnostics, BindCache? cache = null)
    {
        var config = ConfigReader.Read(site.ConfigText, diagnostics);
        var bound = new (ContentItem? Item, bool Valid)[site.Files.Count];
        var reviewTypes = config?.ReviewTypes.Keys.ToList() ?? [];
        var settings = (config is not null) + "\n" + string.Join('\n', reviewTypes);
        Parallel.For(0, site.Files.Count, i => bound[i] = cache is null
            ? Bind(site.Files[i], reviewTypes, config is not null, diagnostics)
            : BindThrough(cache, settings, site.Files[i], reviewTypes, config is not null, diagnostics));

        CheckHome(site, diagnostics);
        CheckDuplicates(site.Files, diagnostics);
        // References are checked on files with other errors too, so every mistake shows in one run.
        CheckReferences(bound.Select(b => b.Item).OfType<ContentItem>().ToList(), site.Files, diagnostics);
        var items = bound.Where(b => b.Valid).Select(b => b.Item!).ToList();
        return config is null ? null : new ValidatedSite(config, items, site.Statics);
    }

    private static (ContentItem? Item, bool Valid) BindThrough(BindCache cache, string settings, SourceFile file,
        IReadOnlyCollection<string> reviewTypes, bool checkReviewType, DiagnosticBag diagnostics)
    {
        if (!cache.TryGet(file, settings, out var entry))
        {
            var own = new DiagnosticBag();
            var (item, valid) = Bind(file, reviewTypes, checkReviewType, own);
            entry = new BindCache.Entry(settings, item, valid, own.Sorted());
            cache.Store(file, entry);
        }

        foreach (var d in entry.Diagnostics) diagnostics.Add(d);
        return (entry.Item, entry.Valid);
    }

    private static (ContentItem? Item, bool Valid) Bind(SourceFile file, IReadOnlyCollection<string> reviewTypes, bool checkReviewType, DiagnosticBag diagnostics)
    {
        var map = YamlDocument.Parse(file.FrontMatter, file.Path, file.FrontMatterLine, diagnostics);
        if (map is null) return (null, false);
        var r = new FrontMatterReader(map, file.Path, file.FrontMatterLine, diagnostics);
        var before = diagnostics.ErrorCount(file.Path);

        var title = r.Text("title", required: true);
        var summary = r.Text("summary", required: true);
        var draft = r.Flag("draft", fallback: false);
        if (summary is { Length: > SummaryAdvisedLength })
            diagnostics.Warning("SCR101", r.AtKey("summary"),
                $"the summary is {summary.Length} characters; keep it under {SummaryAdvisedLength} so it shows in full in lists and search results");

        ContentItem? item = file.Kind switch
        {
            ContentKind.Case => BindCase(file, r, title, summary, draft, reviewTypes, checkReviewType, diagnostics),
            ContentKind.Theme => new ThemeItem(file, title!, summary!, draft, Names(r.Slugs("related", false)), Names(r.Slugs("includes", false))),
            ContentKind.Response => BindResponse(file, r, title, summary, draft, diagnostics),
            _ => new PlainItem(file, title!, summary!, draft),
        };
        r.Finish();
        return (item, diagnostics.ErrorCount(file.Path) == before);
    }

    private static CaseItem BindCase(SourceFile file, FrontMatterReader r, string? title, string? summary, bool draft,
        IReadOnlyCollection<string> reviewTypes, bool checkReviewType, DiagnosticBag diagnostics)
    {
        var reviewType = checkReviewType ? r.OneOf("review_type", reviewTypes, required: true) : r.Text("review_type", required: true);
        var year = r.Text("year", required: true);
        if (year is not null && !IsBoardYear(year))
            diagnostics.Error("SCR009", r.AtKey("year"), $"'year' is '{year}'; write the Board year as two years with a hyphen, e.g. 2015-16");
        var published = r.Date("published", required: true);
        var publication = r.OneOf("publication", Publications.Keys, required: true);
        var reason = r.Text("withheld_reason", required: false);
        // A draft may be saved before its themes are chosen; it cannot be published without one.
        var themes = r.Slugs("themes", required: !draft);
        if (draft && themes.Count == 0)
            diagnostics.Warning("SCR106", r.AtKey("themes"), "this draft has no themes yet; add at least one before it is published");
        var responses = r.Slugs("responses", required: false);
        var reportUrl = r.Text("report_url", required: false);
        var questions = r.TextList("questions");

        if (publication == "withheld")
        {
            if (reason is null)
                diagnostics.Error("SCR016", r.AtKey("publication"),
                    "a withheld case needs 'withheld_reason': one or two sentences saying why the Board decided not to publish the findings");
            if (questions.Count > 0)
                diagnostics.Error("SCR019", r.AtKey("questions"),
                    "a withheld case cannot add 'questions': its page shows only the learning the Board made public; remove them");
            if (r.Has("report_url"))
                diagnostics.Error("SCR015", r.AtKey("report_url"),
                    "a withheld case must not have a 'report_url': the Board decided not to publish the findings; remove this line");
        }
        else if (publication == "published" && r.Has("withheld_reason"))
        {
            diagnostics.Error("SCR017", r.AtKey("withheld_reason"),
                "'withheld_reason' is only for cases with 'publication: withheld'; remove it, or change 'publication'");
        }

        if (reportUrl is not null && !IsSecureWebAddress(reportUrl))
            diagnostics.Error("SCR021", r.AtKey("report_url"), "'report_url' must be a full web address starting with https://");
        if (responses.Count == 0)
            diagnostics.Warning("SCR102", r.AtKey("responses"), "this case lists no Board responses yet");

        return new CaseItem(file, title!, summary!, draft, reviewType!, year!, published.GetValueOrDefault(),
            publication == "withheld" ? Publication.Withheld : Publication.Published, reason,
            Names(themes), Names(responses), reportUrl)
        {
            Questions = questions,
        };
    }

    private static ResponseItem BindResponse(SourceFile file, FrontMatterReader r, string? title, string? summary, bool draft, DiagnosticBag diagnostics)
    {
        var status = r.OneOf("status", Statuses.Keys, required: true);
        var themes = r.Slugs("themes", required: !draft);
        if (draft && themes.Count == 0)
            diagnostics.Warning("SCR106", r.AtKey("themes"), "this draft has no themes yet; add at least one before it is published");
        var date = r.Date("date", required: false);
        return new ResponseItem(file, title!, summary!, draft, status is null ? default : Statuses[status], Names(themes), date);
    }

    private static void CheckHome(LoadedSite site, DiagnosticBag diagnostics)
    {
        // Not when input/ itself is missing, or when index.md exists but could not be read (already reported).
        if (site.Files.All(f => f.Kind != ContentKind.Home) && diagnostics.ErrorCount("input") == 0 && diagnostics.ErrorCount("input/index.md") == 0)
            diagnostics.Error("SCR031", SourceSpan.StartOf("input/index.md"), "the home page input/index.md is missing");
    }

    /// <summary>Addresses the site itself uses at its root, which a plain page cannot take.</summary>
    public static readonly IReadOnlySet<string> ReservedPageSlugs =
        new HashSet<string>(["cases", "themes", "responses", "assets", "search", "data", "pagefind", "404", "index", "feed", "sitemap", "robots"], StringComparer.Ordinal);

    private static void CheckDuplicates(IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics)
    {
        foreach (var page in files.Where(f => f.Kind == ContentKind.Page && ReservedPageSlugs.Contains(f.Slug)))
            diagnostics.Error("SCR014", SourceSpan.StartOf(page.Path),
                $"the address /{page.Slug}/ is used by the site itself; give this page another file name");

        foreach (var group in files.GroupBy(f => (f.Kind, Slug: f.Slug.ToLowerInvariant())).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
                diagnostics.Error("SCR014", SourceSpan.StartOf(other.Path),
                    $"this file has the same name as {first.Path}; two pages cannot share an address, so rename one of them");
        }
    }

    private static void CheckReferences(IReadOnlyList<ContentItem> items, IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics)
    {
        // Slugs come from the files, not only the valid items, so a typo elsewhere is not reported twice.
        var themes = files.Where(f => f.Kind == ContentKind.Theme).Select(f => f.Slug).ToHashSet(StringComparer.Ordinal);
        var responses = files.Where(f => f.Kind == ContentKind.Response).Select(f => f.Slug).ToHashSet(StringComparer.Ordinal);

        foreach (var item in items)
        {
            // Positions are only needed for a broken reference; most files never reread their YAML.
            var r = new Lazy<FrontMatterReader?>(() => Reread(item, new DiagnosticBag()));
            switch (item)
            {
                case CaseItem c:
                    Check(r, "themes", c.Themes, themes, "theme", "SCR012", "input/themes", diagnostics);
                    Check(r, "responses", c.Responses, responses, "Board response", "SCR013", "input/responses", diagnostics);
                    break;
                case ResponseItem resp:
                    Check(r, "themes", resp.Themes, themes, "theme", "SCR012", "input/themes", diagnostics);
                    break;
                case ThemeItem t:
                    Check(r, "related", t.Related, themes, "theme", "SCR012", "input/themes", diagnostics);
                    Check(r, "includes", t.Includes, themes, "theme", "SCR012", "input/themes", diagnostics);
                    if (t.Related.Contains(t.Slug)) diagnostics.Error("SCR018", SpanOf(r, "related", t.Slug), "a theme cannot be related to itself; remove it from 'related'");
                    break;
            }
        }

        CheckIncludeCycles(items.OfType<ThemeItem>().ToList(), diagnostics);
    }

    private static void CheckIncludeCycles(IReadOnlyList<ThemeItem> themes, DiagnosticBag diagnostics)
    {
        var bySlug = themes.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        foreach (var theme in themes)
        {
            // Depth-first from each theme; a path back to it is a cycle. Theme counts are small.
            var stack = new Stack<(string Slug, string Path)>();
            stack.Push((theme.Slug, theme.Slug));
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (stack.Count > 0)
            {
                var (slug, path) = stack.Pop();
                if (!bySlug.TryGetValue(slug, out var current) || !seen.Add(slug)) continue;
                foreach (var next in current.Includes)
                {
                    if (next == theme.Slug)
                    {
                        var r = new Lazy<FrontMatterReader?>(() => Reread(theme, new DiagnosticBag()));
                        var at = SpanOf(r, "includes", theme.Includes.Contains(theme.Slug) ? theme.Slug : theme.Includes[0]);
                        diagnostics.Error("SCR018", at, path == theme.Slug
                            ? $"the theme '{theme.Slug}' includes itself; remove it from 'includes'"
                            : $"the themes include each other in a circle ({path} -> {theme.Slug}); remove one of the 'includes'");
                        stack.Clear();
                        break;
                    }

                    stack.Push((next, $"{path} -> {next}"));
                }
            }
        }
    }

    private static void Check(Lazy<FrontMatterReader?> r, string key, IReadOnlyList<string> slugs, HashSet<string> known,
        string what, string code, string folder, DiagnosticBag diagnostics)
    {
        foreach (var slug in slugs.Where(s => !known.Contains(s)))
        {
            diagnostics.Error(code, SpanOf(r, key, slug),
                $"unknown {what} '{slug}'{Suggest.DidYouMean(slug, known)} (there is no {folder}/{slug}.md)");
        }
    }

    // Reference positions are read again from the YAML rather than carried on every record: only
    // files with a broken reference pay for it, and the records stay plain.
    private static FrontMatterReader? Reread(ContentItem item, DiagnosticBag scratch)
    {
        var map = YamlDocument.Parse(item.Source.FrontMatter, item.Source.Path, item.Source.FrontMatterLine, scratch);
        return map is null ? null : new FrontMatterReader(map, item.Source.Path, item.Source.FrontMatterLine, scratch);
    }

    private static SourceSpan SpanOf(Lazy<FrontMatterReader?> reader, string key, string slug)
    {
        var r = reader.Value;
        return r?.Slugs(key, required: false).FirstOrDefault(s => s.Slug == slug)?.At ?? r?.AtKey(key) ?? new SourceSpan("", 1, 1);
    }

    private static List<string> Names(IReadOnlyList<SlugRef> refs) => refs.Select(s => s.Slug).ToList();

    private static bool IsBoardYear(string year)
    {
        var m = BoardYear().Match(year);
        return m.Success && (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1) % 100
            == int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsSecureWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == "https";

    [GeneratedRegex(@"^(\d{4})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex BoardYear();
}
