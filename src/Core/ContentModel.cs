namespace Lscb.Site.Core;

/// <summary>Whether the Board published a case's findings.</summary>
public enum Publication
{
    /// <summary>The findings are public.</summary>
    Published,

    /// <summary>The Board decided not to publish the findings; only the title, reason, public learning, themes and responses appear.</summary>
    Withheld,
}

/// <summary>Where a Board response stands.</summary>
public enum ResponseStatus
{
    /// <summary>Agreed but not yet started.</summary>
    Planned,

    /// <summary>Under way.</summary>
    InProgress,

    /// <summary>Done, as the source reports it ("has been developed", "has been reviewed and amended"), which is not to say it is in use.</summary>
    Completed,

    /// <summary>Done and, as the source says, in use.</summary>
    InPlace,
}

/// <summary>What every page written by staff has: a source file, a title and a summary.</summary>
public abstract record ContentItem(SourceFile Source, string Title, string Summary, bool Draft)
{
    /// <summary>Slugs of the source documents (<c>input/sources/*.md</c>) the page draws on, in the order written.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Addresses the page used to have (<c>moved_from:</c>), site-relative ("cases/child-x/"); each gets a redirect.</summary>
    public IReadOnlyList<string> MovedFrom { get; init; } = [];

    /// <summary>Details the safeguarding checks would report, allowed on purpose (<c>allow:</c>).</summary>
    public IReadOnlyList<Allowance> Allowances { get; init; } = [];

    /// <summary>The file lines the <c>allow:</c> block takes, which the checks do not read; (0, 0) when there is none.</summary>
    public (int First, int Last) AllowLines { get; init; }

    /// <summary>The file name without <c>.md</c>.</summary>
    public string Slug => Source.Slug;

    /// <summary>The site-relative URL of the item's page: "" for the home page, "cases/child-o/", "about/".</summary>
    public string PageUrl => Kind switch
    {
        ContentKind.Home => "",
        ContentKind.Case => $"cases/{Slug}/",
        ContentKind.Theme => $"themes/{Slug}/",
        ContentKind.Response => $"responses/{Slug}/",
        ContentKind.Source => $"sources/{Slug}/",
        _ => $"{Slug}/",
    };

    /// <summary>The folder the file sits in.</summary>
    public ContentKind Kind => Source.Kind;
}

/// <summary>Where pages are served, from their input files alone.</summary>
public static class PageUrls
{
    /// <summary>The site-relative URL of an input file's page: input/cases/child-o.md is "cases/child-o/", input/pages/about.md "about/".</summary>
    public static string ForInput(string inputPath)
    {
        if (inputPath == "input/index.md") return "";
        var parts = inputPath.Split('/');
        var slug = parts[^1][..^3];
        return parts.Length == 3 && parts[1] is "cases" or "themes" or "responses" or "sources" ? $"{parts[1]}/{slug}/" : $"{slug}/";
    }
}

/// <summary>A case review: <c>input/cases/*.md</c>.</summary>
public sealed record CaseItem(
    SourceFile Source, string Title, string Summary, bool Draft,
    string ReviewType, string Year, PartialDate Published, Publication Publication, string? WithheldReason,
    IReadOnlyList<string> Themes, IReadOnlyList<string> Responses, string? ReportUrl)
    : ContentItem(Source, Title, Summary, Draft)
{
    /// <summary>Questions for practice this case adds to the site-wide ones.</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>Three to five points of key learning, in the source's words (<c>key_learning:</c>).</summary>
    public IReadOnlyList<string> KeyLearning { get; init; } = [];

    /// <summary>Keys of help lines in <c>statiq.config</c> this case shows besides those for its themes (<c>help_lines:</c>).</summary>
    public IReadOnlyList<string> HelpLines { get; init; } = [];

    /// <summary>True when a publication date more than a year ahead is meant (<c>embargo: true</c>).</summary>
    public bool Embargo { get; init; }
}

/// <summary>A theme: <c>input/themes/*.md</c>.</summary>
public sealed record ThemeItem(
    SourceFile Source, string Title, string Summary, bool Draft, IReadOnlyList<string> Related, IReadOnlyList<string> Includes)
    : ContentItem(Source, Title, Summary, Draft)
{
    /// <summary>Other names and acronyms (<c>also_known_as:</c>), shown on the theme's page and weighted in search.</summary>
    public IReadOnlyList<string> AlsoKnownAs { get; init; } = [];
}

/// <summary>A response's status on a given date, with what the source said of it.</summary>
/// <param name="Status">Where the response stood.</param>
/// <param name="AsAt">The month or day on which that was true, as the source gives it.</param>
/// <param name="Note">What changed, or what the source said; may be empty.</param>
public sealed record DatedStatus(ResponseStatus Status, PartialDate AsAt, string? Note);

/// <summary>A Board response: <c>input/responses/*.md</c>.</summary>
public sealed record ResponseItem(
    SourceFile Source, string Title, string Summary, bool Draft, ResponseStatus Status, IReadOnlyList<string> Themes, PartialDate? Date)
    : ContentItem(Source, Title, Summary, Draft)
{
    /// <summary>The month or day on which <see cref="ContentItem.Title"/>'s status was true; never today by default.</summary>
    public PartialDate AsAt { get; init; }

    /// <summary>Earlier statuses, newest first; the current one is <see cref="Status"/> as at <see cref="AsAt"/>.</summary>
    public IReadOnlyList<DatedStatus> History { get; init; } = [];
}

/// <summary>
/// A source document (<c>input/sources/*.md</c>): what the pages say comes from it. When the
/// repository holds its text (<see cref="LocalCopy"/>, under <c>seeds/</c>), the site publishes it
/// unchanged, so that a reader can check any page against it.
/// </summary>
public sealed record SourceItem(
    SourceFile Source, string Title, string Summary, bool Draft, string Publisher, PartialDate Date, string? Url, string? LocalCopy)
    : ContentItem(Source, Title, Summary, Draft)
{
    /// <summary>The text of <see cref="LocalCopy"/>, exactly as the file holds it; null when there is none.</summary>
    public string? LocalCopyText { get; init; }
}

/// <summary>A plain page (<c>input/pages/*.md</c>) or the home page (<c>input/index.md</c>).</summary>
public sealed record PlainItem(SourceFile Source, string Title, string Summary, bool Draft)
    : ContentItem(Source, Title, Summary, Draft);

/// <summary>The site's settings, from <c>statiq.config</c>.</summary>
public sealed record SiteConfig(
    string Title,
    string Organisation,
    string Description,
    Uri BaseUrl,
    string Language,
    string TimeZone,
    Uri ExitThisPageUrl,
    IReadOnlyDictionary<string, string> ReviewTypes)
{
    /// <summary>Reflective questions every case page asks its readers.</summary>
    public IReadOnlyList<string> QuestionsForPractice { get; init; } = [];

    /// <summary>Who to call when a child is in danger now.</summary>
    public string? EmergencyPhone { get; init; }

    /// <summary>The NSPCC helpline, for adults worried about a child.</summary>
    public string? NspccPhone { get; init; }

    /// <summary>Who to contact locally (for example the children's services front door); not shown until set.</summary>
    public string? LocalContactName { get; init; }

    /// <summary>The local contact's number; not shown until set.</summary>
    public string? LocalContactPhone { get; init; }

    /// <summary>National help lines, each shown on the pages of its themes (<c>help_lines:</c>), in the order written.</summary>
    public IReadOnlyList<HelpLine> HelpLines { get; init; } = [];

    /// <summary>When set, <c>check</c> warns about a response whose current status is older than this many months.</summary>
    public int? StatusReviewMonths { get; init; }

    /// <summary>The path part of the base URL, always starting and ending with '/': "/" or "/lscb-learning/".</summary>
    public string BasePath => BaseUrl.AbsolutePath.EndsWith('/') ? BaseUrl.AbsolutePath : BaseUrl.AbsolutePath + "/";
}

/// <summary>
/// A national help line from <c>statiq.config</c>: shown, with 999 and the NSPCC, on the pages of its
/// themes and on any case that names it. Its number is copied from the service's own page, <see cref="Url"/>.
/// </summary>
/// <param name="Key">The name cases use for it in <c>help_lines:</c>, e.g. "samaritans".</param>
/// <param name="Name">The service's name, e.g. "Samaritans".</param>
/// <param name="Phone">The number as the service writes it, e.g. "116 123".</param>
/// <param name="For">Who or what it is for, in a few words; may be empty.</param>
/// <param name="Url">The service's own page that gives the number.</param>
/// <param name="Themes">Slugs of the themes whose pages show it.</param>
/// <param name="At">Where it is written in <c>statiq.config</c>.</param>
public sealed record HelpLine(string Key, string Name, string Phone, string? For, Uri Url, IReadOnlyList<SlugRef> Themes, SourceSpan At);

/// <summary>The output of Validate: settings and typed, cross-checked content.</summary>
public sealed record ValidatedSite(SiteConfig Config, IReadOnlyList<ContentItem> Items, IReadOnlyList<StaticFile> Statics)
{
    /// <summary>What each loaded file bound to, in the loaded order, files with errors included; null where the front matter could not be read.</summary>
    public IReadOnlyList<ContentItem?> Bound { get; init; } = [];

    /// <summary>The glossary's terms, A to Z (<c>input/glossary.yml</c>); empty when there is none.</summary>
    public IReadOnlyList<GlossaryTerm> Glossary { get; init; } = [];
}

/// <summary>
/// A detail that the safeguarding checks would report, allowed on purpose in a page's front matter
/// (<c>allow:</c>), with the reason a reviewer sees in the diff.
/// </summary>
/// <param name="Text">The exact text allowed.</param>
/// <param name="Reason">Why it is safe to publish.</param>
/// <param name="At">Where the allowance is written.</param>
public sealed record Allowance(string Text, string Reason, SourceSpan At);

/// <summary>
/// A term of the glossary (<c>input/glossary.yml</c>): what practitioners call something, the
/// abbreviations and other names they search with, and a one-line plain definition from a named public
/// national source.
/// </summary>
/// <param name="Term">The full name, e.g. "Child sexual exploitation".</param>
/// <param name="Abbreviations">Acronyms as practitioners write them, e.g. "CSE".</param>
/// <param name="OtherNames">Everyday words and older names people search with.</param>
/// <param name="Definition">One plain sentence.</param>
/// <param name="Source">The public national source the definition follows.</param>
/// <param name="Themes">Slugs of the themes the term leads to.</param>
public sealed record GlossaryTerm(string Term, IReadOnlyList<string> Abbreviations, IReadOnlyList<string> OtherNames, string Definition, string Source, IReadOnlyList<SlugRef> Themes)
{
    /// <summary>The term's anchor on the glossary page: "child-sexual-exploitation".</summary>
    public string Anchor => Slugs.From(Term);
}
