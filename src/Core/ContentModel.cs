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
    // Every property a page can show tells the page's read log that it was read (Reads), so that
    // preview knows which pages an edit changes. The input path is the item's identity and is not recorded.

    /// <summary>The title, as written.</summary>
    public string Title { get { Reads.Field(this, nameof(Title), static i => i.Title); return field; } init; } = Title;

    /// <summary>The one-sentence summary, as written.</summary>
    public string Summary { get { Reads.Field(this, nameof(Summary), static i => i.Summary); return field; } init; } = Summary;

    /// <summary>True while the page is a draft.</summary>
    public bool Draft { get { Reads.Field(this, nameof(Draft), static i => i.Draft); return field; } init; } = Draft;

    /// <summary>Slugs of the source documents (<c>input/sources/*.md</c>) the page draws on, in the order written.</summary>
    public IReadOnlyList<string> Sources { get { Reads.Field(this, nameof(Sources), static i => i.Sources); return field; } init; } = [];

    /// <summary>Addresses the page used to have (<c>moved_from:</c>), site-relative ("cases/child-x/"); each gets a redirect.</summary>
    public IReadOnlyList<string> MovedFrom { get { Reads.Field(this, nameof(MovedFrom), static i => i.MovedFrom); return field; } init; } = [];

    /// <summary>Details the safeguarding checks would report, allowed on purpose (<c>allow:</c>).</summary>
    public IReadOnlyList<Allowance> Allowances { get { Reads.Field(this, nameof(Allowances), static i => i.Allowances); return field; } init; } = [];

    /// <summary>The file lines the <c>allow:</c> block takes, which the checks do not read; (0, 0) when there is none.</summary>
    public (int First, int Last) AllowLines { get { Reads.Field(this, nameof(AllowLines), static i => i.AllowLines); return field; } init; }

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
    /// <summary>The key of the review type (<c>review_type:</c>), one of the settings' <c>review_types</c>.</summary>
    public string ReviewType { get { Reads.Field(this, nameof(ReviewType), static i => i.ReviewType); return field; } init; } = ReviewType;

    /// <summary>The Board year the review was commissioned in, as written ("2015-16").</summary>
    public string Year { get { Reads.Field(this, nameof(Year), static i => i.Year); return field; } init; } = Year;

    /// <summary>When the review, or the summary of it, was published.</summary>
    public PartialDate Published { get { Reads.Field(this, nameof(Published), static i => i.Published); return field; } init; } = Published;

    /// <summary>Whether the Board published the findings.</summary>
    public Publication Publication { get { Reads.Field(this, nameof(Publication), static i => i.Publication); return field; } init; } = Publication;

    /// <summary>Why the findings are not published; set only for withheld cases.</summary>
    public string? WithheldReason { get { Reads.Field(this, nameof(WithheldReason), static i => i.WithheldReason); return field; } init; } = WithheldReason;

    /// <summary>Slugs of the case's themes, in the order written.</summary>
    public IReadOnlyList<string> Themes { get { Reads.Field(this, nameof(Themes), static i => i.Themes); return field; } init; } = Themes;

    /// <summary>Slugs of the Board responses the source links to this review, in the order written.</summary>
    public IReadOnlyList<string> Responses { get { Reads.Field(this, nameof(Responses), static i => i.Responses); return field; } init; } = Responses;

    /// <summary>Where the full report is published, when it is.</summary>
    public string? ReportUrl { get { Reads.Field(this, nameof(ReportUrl), static i => i.ReportUrl); return field; } init; } = ReportUrl;

    /// <summary>Questions for practice this case adds to the site-wide ones.</summary>
    public IReadOnlyList<string> Questions { get { Reads.Field(this, nameof(Questions), static i => i.Questions); return field; } init; } = [];

    /// <summary>Three to five points of key learning, in the source's words (<c>key_learning:</c>).</summary>
    public IReadOnlyList<string> KeyLearning { get { Reads.Field(this, nameof(KeyLearning), static i => i.KeyLearning); return field; } init; } = [];

    /// <summary>Keys of help lines in <c>statiq.config</c> this case shows besides those for its themes (<c>help_lines:</c>).</summary>
    public IReadOnlyList<string> HelpLines { get { Reads.Field(this, nameof(HelpLines), static i => i.HelpLines); return field; } init; } = [];

    /// <summary>True when a publication date more than a year ahead is meant (<c>embargo: true</c>).</summary>
    public bool Embargo { get { Reads.Field(this, nameof(Embargo), static i => i.Embargo); return field; } init; }
}

/// <summary>A theme: <c>input/themes/*.md</c>.</summary>
public sealed record ThemeItem(
    SourceFile Source, string Title, string Summary, bool Draft, IReadOnlyList<string> Related, IReadOnlyList<string> Includes)
    : ContentItem(Source, Title, Summary, Draft)
{
    /// <summary>Slugs of related themes, in the order written.</summary>
    public IReadOnlyList<string> Related { get { Reads.Field(this, nameof(Related), static i => i.Related); return field; } init; } = Related;

    /// <summary>Slugs of the themes this one brings together, in the order written.</summary>
    public IReadOnlyList<string> Includes { get { Reads.Field(this, nameof(Includes), static i => i.Includes); return field; } init; } = Includes;

    /// <summary>Other names and acronyms (<c>also_known_as:</c>), shown on the theme's page and weighted in search.</summary>
    public IReadOnlyList<string> AlsoKnownAs { get { Reads.Field(this, nameof(AlsoKnownAs), static i => i.AlsoKnownAs); return field; } init; } = [];
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
    /// <summary>Where the response stood on <see cref="AsAt"/>.</summary>
    public ResponseStatus Status { get { Reads.Field(this, nameof(Status), static i => i.Status); return field; } init; } = Status;

    /// <summary>Slugs of the response's themes, in the order written.</summary>
    public IReadOnlyList<string> Themes { get { Reads.Field(this, nameof(Themes), static i => i.Themes); return field; } init; } = Themes;

    /// <summary>When the response was made, when the source says.</summary>
    public PartialDate? Date { get { Reads.Field(this, nameof(Date), static i => i.Date); return field; } init; } = Date;

    /// <summary>The month or day on which <see cref="ContentItem.Title"/>'s status was true; never today by default.</summary>
    public PartialDate AsAt { get { Reads.Field(this, nameof(AsAt), static i => i.AsAt); return field; } init; }

    /// <summary>Earlier statuses, newest first; the current one is <see cref="Status"/> as at <see cref="AsAt"/>.</summary>
    public IReadOnlyList<DatedStatus> History { get { Reads.Field(this, nameof(History), static i => i.History); return field; } init; } = [];
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
    /// <summary>Who published the document.</summary>
    public string Publisher { get { Reads.Field(this, nameof(Publisher), static i => i.Publisher); return field; } init; } = Publisher;

    /// <summary>When it was published.</summary>
    public PartialDate Date { get { Reads.Field(this, nameof(Date), static i => i.Date); return field; } init; } = Date;

    /// <summary>Where it is published, when it is.</summary>
    public string? Url { get { Reads.Field(this, nameof(Url), static i => i.Url); return field; } init; } = Url;

    /// <summary>The path of the repository's copy of its text, under <c>seeds/</c>; null when there is none.</summary>
    public string? LocalCopy { get { Reads.Field(this, nameof(LocalCopy), static i => i.LocalCopy); return field; } init; } = LocalCopy;

    /// <summary>The text of <see cref="LocalCopy"/>, exactly as the file holds it; null when there is none.</summary>
    public string? LocalCopyText { get { Reads.Field(this, nameof(LocalCopyText), static i => i.LocalCopyText); return _localCopyText; } init => _localCopyText = value; }

    /// <summary>Whether the repository holds the document's text: what a list of sources says, without reading the text.</summary>
    public bool HasLocalCopy { get { Reads.Field(this, nameof(HasLocalCopy), static i => i.HasLocalCopy); return _localCopyText is not null; } }

    private readonly string? _localCopyText;
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
    // Every setting tells the read log of the page being made that it was read (Reads).

    /// <summary>The site's name, in the header and every page title (<c>title:</c>).</summary>
    public string Title { get { Reads.Setting(this, nameof(Title), static c => c.Title); return field; } init; } = Title;

    /// <summary>Who publishes the site (<c>organisation:</c>).</summary>
    public string Organisation { get { Reads.Setting(this, nameof(Organisation), static c => c.Organisation); return field; } init; } = Organisation;

    /// <summary>One sentence about the site, for the feed and search engines.</summary>
    public string Description { get { Reads.Setting(this, nameof(Description), static c => c.Description); return field; } init; } = Description;

    /// <summary>Where the site is served from.</summary>
    public Uri BaseUrl { get { Reads.Setting(this, nameof(BaseUrl), static c => c.BaseUrl); return field; } init; } = BaseUrl;

    /// <summary>The content's language, for screen readers and search engines.</summary>
    public string Language { get { Reads.Setting(this, nameof(Language), static c => c.Language); return field; } init; } = Language;

    /// <summary>The time zone in which embargoes end.</summary>
    public string TimeZone { get { Reads.Setting(this, nameof(TimeZone), static c => c.TimeZone); return field; } init; } = TimeZone;

    /// <summary>Where "Exit this page" takes the reader.</summary>
    public Uri ExitThisPageUrl { get { Reads.Setting(this, nameof(ExitThisPageUrl), static c => c.ExitThisPageUrl); return field; } init; } = ExitThisPageUrl;

    /// <summary>Review type keys to their labels.</summary>
    public IReadOnlyDictionary<string, string> ReviewTypes { get { Reads.Setting(this, nameof(ReviewTypes), static c => c.ReviewTypes); return field; } init; } = ReviewTypes;

    /// <summary>Reflective questions every case page asks its readers.</summary>
    public IReadOnlyList<string> QuestionsForPractice { get { Reads.Setting(this, nameof(QuestionsForPractice), static c => c.QuestionsForPractice); return field; } init; } = [];

    /// <summary>Who to call when a child is in danger now.</summary>
    public string? EmergencyPhone { get { Reads.Setting(this, nameof(EmergencyPhone), static c => c.EmergencyPhone); return field; } init; }

    /// <summary>The NSPCC helpline, for adults worried about a child.</summary>
    public string? NspccPhone { get { Reads.Setting(this, nameof(NspccPhone), static c => c.NspccPhone); return field; } init; }

    /// <summary>Who to contact locally (for example the children's services front door); not shown until set.</summary>
    public string? LocalContactName { get { Reads.Setting(this, nameof(LocalContactName), static c => c.LocalContactName); return field; } init; }

    /// <summary>The local contact's number; not shown until set.</summary>
    public string? LocalContactPhone { get { Reads.Setting(this, nameof(LocalContactPhone), static c => c.LocalContactPhone); return field; } init; }

    /// <summary>National help lines, each shown on the pages of its themes (<c>help_lines:</c>), in the order written.</summary>
    public IReadOnlyList<HelpLine> HelpLines { get { Reads.Setting(this, nameof(HelpLines), static c => c.HelpLines); return field; } init; } = [];

    /// <summary>When set, <c>check</c> warns about a response whose current status is older than this many months.</summary>
    public int? StatusReviewMonths { get { Reads.Setting(this, nameof(StatusReviewMonths), static c => c.StatusReviewMonths); return field; } init; }

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
