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
        ["completed"] = ResponseStatus.Completed,
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
        if (config is not null) CheckHelpLines(config, bound.Select(b => b.Item).OfType<CaseItem>().ToList(), site.Files, diagnostics);
        var items = bound.Where(b => b.Valid).Select(b => b.Item is SourceItem source ? WithLocalCopy(source, site.Seeds, diagnostics) : b.Item!).ToList();
        var statics = StaticFileChecks.Check(site.Statics, site.Files, diagnostics);
        var glossary = GlossaryReader.Read(site.GlossaryText, site.Files.Where(f => f.Kind == ContentKind.Theme).Select(f => f.Slug).ToHashSet(StringComparer.Ordinal), diagnostics);
        return config is null ? null : new ValidatedSite(config, items, statics) { Bound = bound.Select(b => b.Item).ToList(), Glossary = glossary };
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
        var map = YamlParser.Parse(file.FrontMatter, file.Path, file.FrontMatterLine, diagnostics);
        if (map is null) return (null, false);
        var r = new FrontMatterReader(map, file.Path, file.FrontMatterLine, diagnostics) { RawLines = YamlParser.AsMeant(file.FrontMatter).Split('\n') };
        var before = diagnostics.ErrorCount(file.Path);

        var title = r.FreeText("title", required: true);
        // A source document is described by its title, publisher and date; a summary is optional.
        var summary = r.FreeText("summary", required: file.Kind != ContentKind.Source);
        var draft = r.Flag("draft", fallback: false);
        if (summary is { Length: > SummaryAdvisedLength })
            diagnostics.Report(DiagnosticCodes.LongSummary, r.AtKey("summary"),
                $"the summary is {summary.Length} characters; keep it under {SummaryAdvisedLength} so it shows in full in lists and search results");

        ContentItem? item = file.Kind switch
        {
            ContentKind.Case => BindCase(file, r, title, summary, draft, reviewTypes, checkReviewType, diagnostics),
            ContentKind.Theme => new ThemeItem(file, title!, summary!, draft, Names(r.Slugs("related", false)), Names(r.Slugs("includes", false))) { AlsoKnownAs = r.TextList("also_known_as") },
            ContentKind.Response => BindResponse(file, r, title, summary, draft, diagnostics),
            ContentKind.Source => BindSource(file, r, title, summary, draft, diagnostics),
            _ => new PlainItem(file, title!, summary!, draft),
        };
        if (item is not null && file.Kind != ContentKind.Source)
            item = item with { Sources = BindSources(file, r, draft, diagnostics) };
        if (item is not null)
            item = item with { Allowances = BindAllowances(r), AllowLines = r.LinesOf("allow"), MovedFrom = BindMovedFrom(r, diagnostics) };
        r.Finish();
        // Only on a file whose settings all bound: a missing title or summary is reported already.
        if (item is not null && diagnostics.ErrorCount(file.Path) == before) PublishingChecks.CheckItem(item, r, diagnostics);
        return (item, diagnostics.ErrorCount(file.Path) == before);
    }

    private static CaseItem BindCase(SourceFile file, FrontMatterReader r, string? title, string? summary, bool draft,
        IReadOnlyCollection<string> reviewTypes, bool checkReviewType, DiagnosticBag diagnostics)
    {
        var reviewType = checkReviewType ? r.OneOf("review_type", reviewTypes, required: true) : r.Text("review_type", required: true);
        var year = r.Text("year", required: true);
        if (year is not null && !IsBoardYear(year))
            diagnostics.Report(DiagnosticCodes.InvalidDate, r.AtKey("year"), $"'year' is '{year}'; write the Board year as two years with a hyphen, e.g. 2015-16");
        var published = r.Date("published", required: true);
        var publication = r.OneOf("publication", Publications.Keys, required: true);
        var reason = r.FreeText("withheld_reason", required: false);
        // A draft may be saved before its themes are chosen; it cannot be published without one.
        var themes = r.Slugs("themes", required: !draft);
        if (draft && themes.Count == 0)
            diagnostics.Report(DiagnosticCodes.DraftWithoutThemesOrSource, r.AtKey("themes"), "this draft has no themes yet; add at least one before it is published");
        var responses = r.Slugs("responses", required: false);
        var reportUrl = r.Text("report_url", required: false);
        var questions = r.TextList("questions");
        var keyLearning = r.TextList("key_learning");
        if (r.Has("key_learning") && keyLearning.Count is < 3 or > 5)
            diagnostics.Report(DiagnosticCodes.KeyLearningCount, r.AtKey("key_learning"),
                $"'key_learning' has {keyLearning.Count} point{(keyLearning.Count == 1 ? "" : "s")}; give 3 to 5, each a line starting with '- ' and taken from the source's words");
        var helpLines = r.Slugs("help_lines", required: false);
        var embargo = r.Flag("embargo", fallback: false);

        if (publication == "withheld")
        {
            if (reason is null)
                diagnostics.Report(DiagnosticCodes.WithheldWithoutReason, r.AtKey("publication"),
                    "a withheld case needs 'withheld_reason': one or two sentences saying why the Board decided not to publish the findings");
            if (questions.Count > 0)
                diagnostics.Report(DiagnosticCodes.WithheldWithQuestions, r.AtKey("questions"),
                    "a withheld case cannot add 'questions': its page shows only the learning the Board made public; remove them");
            if (r.Has("report_url"))
                diagnostics.Report(DiagnosticCodes.WithheldWithReport, r.AtKey("report_url"),
                    "a withheld case must not have a 'report_url': the Board decided not to publish the findings; remove this line");
        }
        else if (publication == "published" && r.Has("withheld_reason"))
        {
            diagnostics.Report(DiagnosticCodes.ReasonOnPublished, r.AtKey("withheld_reason"),
                "'withheld_reason' is only for cases with 'publication: withheld'; remove it, or change 'publication'");
        }

        if (reportUrl is not null && !IsSecureWebAddress(reportUrl))
            diagnostics.Report(DiagnosticCodes.UnsafeLink, r.AtKey("report_url"), "'report_url' must be a full web address starting with https://");

        return new CaseItem(file, title!, summary!, draft, reviewType!, year!, published.GetValueOrDefault(),
            publication == "withheld" ? Publication.Withheld : Publication.Published, reason,
            Names(themes), Names(responses), reportUrl)
        {
            Questions = questions,
            KeyLearning = keyLearning,
            HelpLines = Names(helpLines),
            Embargo = embargo,
        };
    }

    private static ResponseItem BindResponse(SourceFile file, FrontMatterReader r, string? title, string? summary, bool draft, DiagnosticBag diagnostics)
    {
        var status = r.OneOf("status", Statuses.Keys, required: true);
        // A status is only ever true as at a date: the reader must never take January 2017's word for today.
        var asAt = r.Has("as_at") ? r.Date("as_at", required: true) : null;
        if (!r.Has("as_at"))
            diagnostics.Report(DiagnosticCodes.StatusWithoutDate, r.AtKey("status"),
                $"the status{(status is null ? "" : $" '{status}'")} has no date: add a line 'as_at: 2017-01' with the month (or day) on which the source says the response stood there");
        var themes = r.Slugs("themes", required: !draft);
        if (draft && themes.Count == 0)
            diagnostics.Report(DiagnosticCodes.DraftWithoutThemesOrSource, r.AtKey("themes"), "this draft has no themes yet; add at least one before it is published");
        var date = r.Date("date", required: false);
        var history = BindHistory(r, asAt, diagnostics);
        return new ResponseItem(file, title!, summary!, draft, status is null ? default : Statuses[status], Names(themes), date)
        {
            AsAt = asAt.GetValueOrDefault(),
            History = history,
        };
    }

    // history: [{status, as_at, note}], newest first, every entry older than the current status.
    private static List<DatedStatus> BindHistory(FrontMatterReader r, PartialDate? current, DiagnosticBag diagnostics)
    {
        var result = new List<DatedStatus>();
        var entries = r.Mappings("history", "a list of earlier statuses, each written '- status: planned' with 'as_at:' (and optionally 'note:') indented under it");
        var newer = current;
        foreach (var entry in entries)
        {
            var e = r.Nested(entry);
            var status = e.OneOf("status", Statuses.Keys, required: true);
            var asAt = e.Date("as_at", required: true);
            var note = e.Text("note", required: false);
            e.Finish();
            if (status is null || asAt is not { } date) continue;
            if (newer is { } later && date.Start >= later.Start)
                diagnostics.Report(DiagnosticCodes.HistoryOutOfOrder, e.AtKey("as_at"),
                    $"this earlier status is dated {date.ToDisplay()}, which is not before {later.ToDisplay()}: 'history' lists earlier statuses, newest first, each older than the one above it and than the current 'as_at'");
            result.Add(new DatedStatus(Statuses[status], date, note));
            newer = date;
        }

        return result;
    }

    private static SourceItem BindSource(SourceFile file, FrontMatterReader r, string? title, string? summary, bool draft, DiagnosticBag diagnostics)
    {
        var publisher = r.Text("publisher", required: true);
        var date = r.Date("date", required: true);
        var url = r.Text("url", required: false);
        if (url is not null && !IsSecureWebAddress(url))
            diagnostics.Report(DiagnosticCodes.UnsafeLink, r.AtKey("url"), "'url' must be a full web address starting with https://");
        var localCopy = r.Text("local_copy", required: false);
        if (localCopy is not null && !IsSeedPath(localCopy))
        {
            diagnostics.Report(DiagnosticCodes.BadLocalCopy, r.AtKey("local_copy"),
                $"'local_copy' must name a text file (.txt or .md) in the seeds folder, written from the site folder, e.g. 'seeds/bulletin.txt'");
            localCopy = null;
        }

        return new SourceItem(file, title!, summary ?? "", draft, publisher!, date.GetValueOrDefault(), url, localCopy);
    }

    private static bool IsSeedPath(string path) =>
        path.StartsWith("seeds/", StringComparison.Ordinal) && !path.Contains("..", StringComparison.Ordinal) && !path.Contains('\\', StringComparison.Ordinal)
            && SiteLoader.SeedExtensions.Contains(Path.GetExtension(path));

    // The local copy is looked up after binding, since the seeds are not part of any one file.
    private static SourceItem WithLocalCopy(SourceItem source, IReadOnlyDictionary<string, string> seeds, DiagnosticBag diagnostics)
    {
        if (source.LocalCopy is null) return source;
        if (seeds.TryGetValue(source.LocalCopy, out var text)) return source with { LocalCopyText = text };
        var r = Reread(source, new DiagnosticBag());
        diagnostics.Report(DiagnosticCodes.BadLocalCopy, r?.AtKey("local_copy") ?? SourceSpan.StartOf(source.Source.Path),
            $"'local_copy' names {source.LocalCopy}, which is not a UTF-8 text file in the seeds folder; add the document there, correct the name or remove this line" +
            Suggest.DidYouMean(source.LocalCopy, seeds.Keys));
        return source;
    }

    // moved_from: [cases/child-x/]: the site-relative addresses the page had, each made "a/b/".
    private static List<string> BindMovedFrom(FrontMatterReader r, DiagnosticBag diagnostics)
    {
        var result = new List<string>();
        foreach (var (text, at) in r.Slugs("moved_from", required: false))
        {
            var address = text.Trim().TrimStart('/');
            if (address.Length > 0 && !address.EndsWith('/') && !address.EndsWith(".html", StringComparison.Ordinal)) address += "/";
            if (!MovedAddress().IsMatch(address))
            {
                diagnostics.Report(DiagnosticCodes.BadMovedFrom, at,
                    $"'{text}' is not an address of this site; write the old address without the site's own part, e.g. cases/child-x/ for https://owner.github.io/site/cases/child-x/");
                continue;
            }

            result.Add(address);
        }

        return result;
    }

    // allow: [{text, reason}]: both required, so that the reviewer of the diff sees why.
    private static List<Allowance> BindAllowances(FrontMatterReader r)
    {
        var result = new List<Allowance>();
        foreach (var entry in r.Mappings("allow", "a list of allowed details, each written '- text: ...' with 'reason: ...' indented under it"))
        {
            var e = r.Nested(entry);
            var text = e.Text("text", required: true);
            var reason = e.Text("reason", required: true);
            e.Finish();
            if (text is not null && reason is not null) result.Add(new Allowance(text, reason, e.AtKey("text")));
        }

        return result;
    }

    // Cases and responses must name where what they say comes from; themes and plain pages may.
    private static List<string> BindSources(SourceFile file, FrontMatterReader r, bool draft, DiagnosticBag diagnostics)
    {
        var before = diagnostics.ErrorCount(file.Path);
        var sources = r.Slugs("sources", required: false);
        var malformed = diagnostics.ErrorCount(file.Path) > before;
        if (sources.Count == 0 && !malformed && file.Kind is ContentKind.Case or ContentKind.Response)
        {
            var what = file.Kind == ContentKind.Case ? "case review" : "Board response";
            if (draft)
                diagnostics.Report(DiagnosticCodes.DraftWithoutThemesOrSource, r.AtKey("sources"), "this draft names no source yet; add 'sources' before it is published");
            else
                diagnostics.Report(DiagnosticCodes.NoSource, r.AtKey("sources"),
                    $"this {what} names no source: add a line 'sources: [...]' with the file name (without .md) of the document in input/sources that it is written from; the page may say only what that source says");
        }

        return Names(sources);
    }

    private static void CheckHome(LoadedSite site, DiagnosticBag diagnostics)
    {
        // Not when input/ itself is missing, or when index.md exists but could not be read (already reported).
        if (site.Files.All(f => f.Kind != ContentKind.Home) && diagnostics.ErrorCount("input") == 0 && diagnostics.ErrorCount("input/index.md") == 0)
            diagnostics.Report(DiagnosticCodes.InputMissing, SourceSpan.StartOf("input/index.md"), "the home page input/index.md is missing");
    }

    /// <summary>Addresses the site itself uses at its root, which a plain page cannot take.</summary>
    public static readonly IReadOnlySet<string> ReservedPageSlugs =
        new HashSet<string>(["cases", "themes", "responses", "sources", "assets", "search", "glossary", "data", "pagefind", "404", "index", "feed", "sitemap", "robots"], StringComparer.Ordinal);

    private static void CheckDuplicates(IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics)
    {
        foreach (var page in files.Where(f => f.Kind == ContentKind.Page && ReservedPageSlugs.Contains(f.Slug)))
            diagnostics.Report(DiagnosticCodes.DuplicateName, SourceSpan.StartOf(page.Path),
                $"the address /{page.Slug}/ is used by the site itself; give this page another file name");

        foreach (var group in files.GroupBy(f => (f.Kind, Slug: f.Slug.ToLowerInvariant())).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var other in group.Skip(1))
                diagnostics.Report(DiagnosticCodes.DuplicateName, SourceSpan.StartOf(other.Path),
                    $"this file has the same name as {first.Path}; two pages cannot share an address, so rename one of them");
        }
    }

    private static void CheckReferences(IReadOnlyList<ContentItem> items, IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics)
    {
        // Slugs come from the files, not only the valid items, so a typo elsewhere is not reported twice.
        var themes = files.Where(f => f.Kind == ContentKind.Theme).Select(f => f.Slug).ToHashSet(StringComparer.Ordinal);
        var responses = files.Where(f => f.Kind == ContentKind.Response).Select(f => f.Slug).ToHashSet(StringComparer.Ordinal);
        var sources = files.Where(f => f.Kind == ContentKind.Source).Select(f => f.Slug).ToHashSet(StringComparer.Ordinal);

        foreach (var item in items)
        {
            // Positions are only needed for a broken reference; most files never reread their YAML.
            var r = new Lazy<FrontMatterReader?>(() => Reread(item, new DiagnosticBag()));
            Check(r, "sources", item.Sources, sources, "source", DiagnosticCodes.UnknownSource, "input/sources", diagnostics);
            switch (item)
            {
                case CaseItem c:
                    Check(r, "themes", c.Themes, themes, "theme", DiagnosticCodes.UnknownTheme, "input/themes", diagnostics);
                    Check(r, "responses", c.Responses, responses, "Board response", DiagnosticCodes.UnknownResponse, "input/responses", diagnostics);
                    break;
                case ResponseItem resp:
                    Check(r, "themes", resp.Themes, themes, "theme", DiagnosticCodes.UnknownTheme, "input/themes", diagnostics);
                    break;
                case ThemeItem t:
                    Check(r, "related", t.Related, themes, "theme", DiagnosticCodes.UnknownTheme, "input/themes", diagnostics);
                    Check(r, "includes", t.Includes, themes, "theme", DiagnosticCodes.UnknownTheme, "input/themes", diagnostics);
                    if (t.Related.Contains(t.Slug)) diagnostics.Report(DiagnosticCodes.ThemeCycle, SpanOf(r, "related", t.Slug), "a theme cannot be related to itself; remove it from 'related'");
                    break;
            }
        }

        CheckIncludeCycles(items.OfType<ThemeItem>().ToList(), diagnostics);
        CheckMovedFrom(items, diagnostics);
    }

    // Each help line's themes must exist, and a case can name only a help line the settings hold.
    private static void CheckHelpLines(SiteConfig config, IReadOnlyList<CaseItem> cases, IReadOnlyList<SourceFile> files, DiagnosticBag diagnostics)
    {
        var themes = files.Where(f => f.Kind == ContentKind.Theme).Select(f => f.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var line in config.HelpLines)
        {
            foreach (var theme in line.Themes.Where(t => !themes.Contains(t.Slug)))
                diagnostics.Report(DiagnosticCodes.UnknownTheme, theme.At,
                    $"unknown theme '{theme.Slug}' in the help line '{line.Key}'{Suggest.DidYouMeanOrChoices(theme.Slug, themes)} (there is no input/themes/{theme.Slug}.md)");
        }

        var keys = config.HelpLines.Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var item in cases.Where(c => c.HelpLines.Any(k => !keys.Contains(k))))
        {
            var r = new Lazy<FrontMatterReader?>(() => Reread(item, new DiagnosticBag()));
            foreach (var key in item.HelpLines.Where(k => !keys.Contains(k)))
                diagnostics.Report(DiagnosticCodes.UnknownHelpLine, SpanOf(r, "help_lines", key),
                    $"unknown help line '{key}'{Suggest.DidYouMeanOrChoices(key, keys)} (a case names a help line by its name under 'help_lines:' in statiq.config)");
        }
    }

    // An old address must be free: not a page's address now, not one of the site's own sections, and
    // not claimed by two pages.
    private static void CheckMovedFrom(IReadOnlyList<ContentItem> items, DiagnosticBag diagnostics)
    {
        var current = items.ToDictionary(i => i.PageUrl, i => i, StringComparer.Ordinal);
        var claimed = new Dictionary<string, ContentItem>(StringComparer.Ordinal);
        foreach (var item in items.Where(i => i.MovedFrom.Count > 0))
        {
            var r = new Lazy<FrontMatterReader?>(() => Reread(item, new DiagnosticBag()));
            foreach (var address in item.MovedFrom)
            {
                var top = address.Split('/')[0];
                string? problem =
                    current.TryGetValue(address, out var now) ? $"is the address of {now.Source.Path} now" :
                    claimed.TryGetValue(address, out var other) ? $"is also listed in 'moved_from' of {other.Source.Path}" :
                    address == "404.html" || (address.Contains('/', StringComparison.Ordinal) && ReservedPageSlugs.Contains(top) && top is not ("cases" or "themes" or "responses" or "sources"))
                        ? "belongs to the site itself" : null;
                if (problem is null)
                {
                    claimed[address] = item;
                    continue;
                }

                var at = r.Value?.Slugs("moved_from", required: false).FirstOrDefault(s => s.Slug.Trim().TrimStart('/').TrimEnd('/') == address.TrimEnd('/'))?.At
                    ?? r.Value?.AtKey("moved_from") ?? SourceSpan.StartOf(item.Source.Path);
                diagnostics.Report(DiagnosticCodes.BadMovedFrom, at, $"the old address '{address}' {problem}, so it cannot lead here; remove it from 'moved_from'");
            }
        }
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
                        diagnostics.Report(DiagnosticCodes.ThemeCycle, at, path == theme.Slug
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
        string what, DiagnosticCode code, string folder, DiagnosticBag diagnostics)
    {
        foreach (var slug in slugs.Where(s => !known.Contains(s)))
        {
            diagnostics.Report(code, SpanOf(r, key, slug),
                $"unknown {what} '{slug}'{Suggest.DidYouMeanOrChoices(slug, known)} (there is no {folder}/{slug}.md; if it was renamed or removed, change this reference too)");
        }
    }

    // Reference positions are read again from the YAML rather than carried on every record: only
    // files with a broken reference pay for it, and the records stay plain.
    internal static FrontMatterReader? Reread(ContentItem item, DiagnosticBag scratch)
    {
        var map = YamlParser.Parse(item.Source.FrontMatter, item.Source.Path, item.Source.FrontMatterLine, scratch);
        return map is null ? null : new FrontMatterReader(map, item.Source.Path, item.Source.FrontMatterLine, scratch);
    }

    private static SourceSpan SpanOf(Lazy<FrontMatterReader?> reader, string key, string slug)
    {
        var r = reader.Value;
        return r?.Slugs(key, required: false).FirstOrDefault(s => s.Slug == slug)?.At ?? r?.AtKey(key) ?? new SourceSpan("", 1, 1);
    }

    /// <summary>
    /// Warns (SCR107) about each response whose current status is older than
    /// <see cref="SiteConfig.StatusReviewMonths"/> months on <paramref name="today"/>, so that the
    /// Board knows what to confirm. Does nothing when the setting is not used.
    /// </summary>
    public static void CheckStatusAge(ValidatedSite site, DateOnly today, DiagnosticBag diagnostics)
    {
        if (site.Config.StatusReviewMonths is not { } months) return;
        foreach (var response in site.Items.OfType<ResponseItem>())
        {
            // A month-only date counts from its last day: "January 2017" was still true on the 31st.
            var asAt = response.AsAt.Day is null ? response.AsAt.Start.AddMonths(1).AddDays(-1) : response.AsAt.Start;
            if (asAt.AddMonths(months) >= today) continue;
            var r = Reread(response, new DiagnosticBag());
            diagnostics.Report(DiagnosticCodes.StaleStatus, r?.AtKey("as_at") ?? SourceSpan.StartOf(response.Source.Path),
                $"this status is as at {response.AsAt.ToDisplay()}, more than {months} months ago; confirm it with the Board, then update 'status' and 'as_at' (moving the old status into 'history')");
        }
    }

    private static List<string> Names(IReadOnlyList<SlugRef> refs) => refs.Select(s => s.Slug).ToList();

    private static bool IsBoardYear(string year) => Core.BoardYear.StartOf(year) is not null;

    private static bool IsSecureWebAddress(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == "https";

    [GeneratedRegex(@"^(?:[a-z0-9][a-z0-9._-]*/)*(?:[a-z0-9][a-z0-9._-]*/|[a-z0-9][a-z0-9_-]*\.html)$", RegexOptions.CultureInvariant)]
    private static partial Regex MovedAddress();
}
