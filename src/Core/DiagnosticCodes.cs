namespace Lscb.Site.Core;

/// <summary>One kind of problem the generator reports, as the authoring guide lists it.</summary>
/// <param name="Code">"SCR012".</param>
/// <param name="Severity">An error stops the build; a warning does not.</param>
/// <param name="Title">What it means, in the words of the guide's table of codes.</param>
public sealed record DiagnosticCode(string Code, Severity Severity, string Title)
{
    /// <summary>The authoring guide's section for it.</summary>
    public string GuideAnchor => "docs/authoring.md#" + Code.ToLowerInvariant();

    /// <inheritdoc />
    public override string ToString() => Code;
}

/// <summary>
/// Every diagnostic code, with its severity and title: the one list. Code reports problems only
/// through these; <c>docs/authoring.md</c> has a row and a section for each, which a test checks.
/// A new code is added here first.
/// </summary>
public static class DiagnosticCodes
{
    /// <summary>SCR001: the file is not saved as UTF-8 text.</summary>
    public static readonly DiagnosticCode NotUtf8 = new("SCR001", Severity.Error, "the file is not saved as UTF-8 text");

    /// <summary>SCR002: the file is empty, or does not start with front matter.</summary>
    public static readonly DiagnosticCode NoFrontMatter = new("SCR002", Severity.Error, "the file is empty, or does not start with front matter");

    /// <summary>SCR003: the front matter is never closed with <c>---</c>.</summary>
    public static readonly DiagnosticCode FrontMatterNotClosed = new("SCR003", Severity.Error, "the front matter is never closed with `---`");

    /// <summary>SCR004: the YAML is not valid (quotes, colons, indentation, tabs, a key written twice).</summary>
    public static readonly DiagnosticCode InvalidYaml = new("SCR004", Severity.Error, "the YAML is not valid (quotes, colons, indentation, tabs, a key written twice)");

    /// <summary>SCR005: the front matter is not a set of <c>key: value</c> lines.</summary>
    public static readonly DiagnosticCode FrontMatterNotKeyValues = new("SCR005", Severity.Error, "the front matter is not a set of `key: value` lines");

    /// <summary>SCR006: a setting this page cannot have.</summary>
    public static readonly DiagnosticCode UnknownKey = new("SCR006", Severity.Error, "a setting this page cannot have");

    /// <summary>SCR007: a required setting is missing, or a list that needs an item is empty.</summary>
    public static readonly DiagnosticCode MissingKey = new("SCR007", Severity.Error, "a required setting is missing, or a list that needs an item is empty");

    /// <summary>SCR008: a value of the wrong kind (text, list, true/false).</summary>
    public static readonly DiagnosticCode WrongKind = new("SCR008", Severity.Error, "a value of the wrong kind (text, list, true/false)");

    /// <summary>SCR009: a date or Board year that is not valid or does not exist.</summary>
    public static readonly DiagnosticCode InvalidDate = new("SCR009", Severity.Error, "a date or Board year that is not valid or does not exist");

    /// <summary>SCR010: a value that is not one of the allowed values.</summary>
    public static readonly DiagnosticCode NotAllowedValue = new("SCR010", Severity.Error, "a value that is not one of the allowed values");

    /// <summary>SCR011: a file name (or review type) with characters that are not allowed.</summary>
    public static readonly DiagnosticCode BadName = new("SCR011", Severity.Error, "a file name (or review type) with characters that are not allowed");

    /// <summary>SCR012: an unknown theme.</summary>
    public static readonly DiagnosticCode UnknownTheme = new("SCR012", Severity.Error, "an unknown theme");

    /// <summary>SCR013: an unknown Board response.</summary>
    public static readonly DiagnosticCode UnknownResponse = new("SCR013", Severity.Error, "an unknown Board response");

    /// <summary>SCR014: two files with the same name, or a name the site uses itself.</summary>
    public static readonly DiagnosticCode DuplicateName = new("SCR014", Severity.Error, "two files with the same name, or a name the site uses itself");

    /// <summary>SCR015: a withheld case with a <c>report_url</c>.</summary>
    public static readonly DiagnosticCode WithheldWithReport = new("SCR015", Severity.Error, "a withheld case with a `report_url`");

    /// <summary>SCR016: a withheld case without a <c>withheld_reason</c>.</summary>
    public static readonly DiagnosticCode WithheldWithoutReason = new("SCR016", Severity.Error, "a withheld case without a `withheld_reason`");

    /// <summary>SCR017: a <c>withheld_reason</c> on a published case.</summary>
    public static readonly DiagnosticCode ReasonOnPublished = new("SCR017", Severity.Error, "a `withheld_reason` on a published case");

    /// <summary>SCR018: a theme that relates to or includes itself, or themes that include each other in a circle.</summary>
    public static readonly DiagnosticCode ThemeCycle = new("SCR018", Severity.Error, "a theme that relates to or includes itself, or themes that include each other in a circle");

    /// <summary>SCR019: a withheld case with <c>questions</c> of its own.</summary>
    public static readonly DiagnosticCode WithheldWithQuestions = new("SCR019", Severity.Error, "a withheld case with `questions` of its own");

    /// <summary>SCR020: a link to a page or file that does not exist.</summary>
    public static readonly DiagnosticCode BrokenLink = new("SCR020", Severity.Error, "a link to a page or file that does not exist");

    /// <summary>SCR021: a <c>javascript:</c>, <c>data:</c> or other unsafe link, or a <c>report_url</c> that is not a web address.</summary>
    public static readonly DiagnosticCode UnsafeLink = new("SCR021", Severity.Error, "a `javascript:`, `data:` or other unsafe link, or a `report_url` that is not a web address");

    /// <summary>SCR022: an empty value.</summary>
    public static readonly DiagnosticCode EmptyValue = new("SCR022", Severity.Error, "an empty value");

    /// <summary>SCR024: an image without a description.</summary>
    public static readonly DiagnosticCode ImageWithoutDescription = new("SCR024", Severity.Error, "an image without a description");

    /// <summary>SCR025: a <c>#</c> heading in the text.</summary>
    public static readonly DiagnosticCode TopLevelHeading = new("SCR025", Severity.Error, "a `#` heading in the text");

    /// <summary>SCR026: a Markdown file outside the content folders.</summary>
    public static readonly DiagnosticCode MarkdownOutsideContent = new("SCR026", Severity.Error, "a Markdown file outside the content folders");

    /// <summary>SCR027: a file larger than 1 MB.</summary>
    public static readonly DiagnosticCode FileTooLarge = new("SCR027", Severity.Error, "a file larger than 1 MB");

    /// <summary>SCR028: an image loaded from another website.</summary>
    public static readonly DiagnosticCode RemoteImage = new("SCR028", Severity.Error, "an image loaded from another website");

    /// <summary>SCR029: text nested too deeply to read as Markdown.</summary>
    public static readonly DiagnosticCode NestedTooDeeply = new("SCR029", Severity.Error, "text nested too deeply to read as Markdown");

    /// <summary>SCR030: <c>statiq.config</c> is missing.</summary>
    public static readonly DiagnosticCode ConfigMissing = new("SCR030", Severity.Error, "`statiq.config` is missing");

    /// <summary>SCR031: <c>input/</c> or <c>input/index.md</c> is missing.</summary>
    public static readonly DiagnosticCode InputMissing = new("SCR031", Severity.Error, "`input/` or `input/index.md` is missing");

    /// <summary>SCR032: a file under <c>input/</c> that the site does not serve, or whose name breaks its address.</summary>
    public static readonly DiagnosticCode UnservedFile = new("SCR032", Severity.Error, "a file under `input/` that the site does not serve, or whose name breaks its address");

    /// <summary>SCR033: HTML in the text, with what to write instead.</summary>
    public static readonly DiagnosticCode RawHtml = new("SCR033", Severity.Error, "HTML in the text, with what to write instead");

    /// <summary>SCR034: a list indented with a tab, which would show as code.</summary>
    public static readonly DiagnosticCode TabIndentedList = new("SCR034", Severity.Error, "a list indented with a tab, which would show as code");

    /// <summary>SCR035: a link or image whose address has spaces.</summary>
    public static readonly DiagnosticCode SpaceInAddress = new("SCR035", Severity.Error, "a link or image whose address has spaces");

    /// <summary>SCR036: a withheld review's summary or title repeats its text.</summary>
    public static readonly DiagnosticCode WithheldTextRepeated = new("SCR036", Severity.Error, "a withheld review's summary or title repeats its text");

    /// <summary>SCR037: a <c>published</c> date more than a year ahead, without <c>embargo: true</c>.</summary>
    public static readonly DiagnosticCode FarFuturePublished = new("SCR037", Severity.Error, "a `published` date more than a year ahead, without `embargo: true`");

    /// <summary>SCR038: text or an empty heading left from the <c>new</c> template, on a page that is not a draft.</summary>
    public static readonly DiagnosticCode TemplateTextLeft = new("SCR038", Severity.Error, "text or an empty heading left from the `new` template, on a page that is not a draft");

    /// <summary>SCR039: an old address in <c>moved_from</c> that is not valid, or is taken.</summary>
    public static readonly DiagnosticCode BadMovedFrom = new("SCR039", Severity.Error, "an old address in `moved_from` that is not valid, or is taken");

    /// <summary>SCR040: the front-end tools (Node.js, npm, sass, esbuild) could not run.</summary>
    public static readonly DiagnosticCode FrontEndToolsFailed = new("SCR040", Severity.Error, "the front-end tools (Node.js, npm, sass, esbuild) could not run");

    /// <summary>SCR041: the search index could not be built.</summary>
    public static readonly DiagnosticCode SearchIndexFailed = new("SCR041", Severity.Error, "the search index could not be built");

    /// <summary>SCR050: a case review or Board response that names no source.</summary>
    public static readonly DiagnosticCode NoSource = new("SCR050", Severity.Error, "a case review or Board response that names no source");

    /// <summary>SCR051: an unknown source.</summary>
    public static readonly DiagnosticCode UnknownSource = new("SCR051", Severity.Error, "an unknown source");

    /// <summary>SCR052: a status without its <c>as_at</c> date.</summary>
    public static readonly DiagnosticCode StatusWithoutDate = new("SCR052", Severity.Error, "a status without its `as_at` date");

    /// <summary>SCR053: a source's <c>local_copy</c> that is not a text file in <c>seeds/</c>.</summary>
    public static readonly DiagnosticCode BadLocalCopy = new("SCR053", Severity.Error, "a source's `local_copy` that is not a text file in `seeds/`");

    /// <summary>SCR054: an earlier status (<c>history</c>) that is not older than the one above it.</summary>
    public static readonly DiagnosticCode HistoryOutOfOrder = new("SCR054", Severity.Error, "an earlier status (`history`) that is not older than the one above it");

    /// <summary>SCR055: a help line whose number or page address is not usable.</summary>
    public static readonly DiagnosticCode BadHelpLine = new("SCR055", Severity.Error, "a help line whose number or page address is not usable");

    /// <summary>SCR056: a case that names an unknown help line.</summary>
    public static readonly DiagnosticCode UnknownHelpLine = new("SCR056", Severity.Error, "a case that names an unknown help line");

    /// <summary>SCR057: <c>key_learning</c> with fewer than 3 or more than 5 points.</summary>
    public static readonly DiagnosticCode KeyLearningCount = new("SCR057", Severity.Error, "`key_learning` with fewer than 3 or more than 5 points");

    /// <summary>SCR058: a glossary name used by two terms, or an abbreviation not in capitals.</summary>
    public static readonly DiagnosticCode GlossaryClash = new("SCR058", Severity.Error, "a glossary name used by two terms, or an abbreviation not in capitals");

    /// <summary>SCR060: a postcode.</summary>
    public static readonly DiagnosticCode Postcode = new("SCR060", Severity.Error, "a postcode");

    /// <summary>SCR061: a date of birth, or the exact date of a birth, death, injury or incident.</summary>
    public static readonly DiagnosticCode ExactDateOfEvent = new("SCR061", Severity.Error, "a date of birth, or the exact date of a birth, death, injury or incident");

    /// <summary>SCR062: an NHS number.</summary>
    public static readonly DiagnosticCode NhsNumber = new("SCR062", Severity.Error, "an NHS number");

    /// <summary>SCR063: a phone number that is not one of the site's own.</summary>
    public static readonly DiagnosticCode PhoneNumber = new("SCR063", Severity.Error, "a phone number that is not one of the site's own");

    /// <summary>SCR064: an email address.</summary>
    public static readonly DiagnosticCode EmailAddress = new("SCR064", Severity.Error, "an email address");

    /// <summary>SCR065: a street address.</summary>
    public static readonly DiagnosticCode StreetAddress = new("SCR065", Severity.Error, "a street address");

    /// <summary>SCR066: the name of a school, nursery, surgery or children's home.</summary>
    public static readonly DiagnosticCode NamedPlace = new("SCR066", Severity.Error, "the name of a school, nursery, surgery or children's home");

    /// <summary>SCR067: an exact age beside an exact date.</summary>
    public static readonly DiagnosticCode AgeBesideDate = new("SCR067", Severity.Error, "an exact age beside an exact date");

    /// <summary>SCR068: an allowance (<c>allow:</c>) that matches nothing.</summary>
    public static readonly DiagnosticCode UnusedAllowance = new("SCR068", Severity.Error, "an allowance (`allow:`) that matches nothing");

    /// <summary>SCR090: a built page links to something the build did not produce.</summary>
    public static readonly DiagnosticCode BrokenBuiltLink = new("SCR090", Severity.Error, "a built page links to something the build did not produce");

    /// <summary>SCR091: in a pull request, a page removed with nothing leading from its address.</summary>
    public static readonly DiagnosticCode RemovedWithoutRedirect = new("SCR091", Severity.Error, "in a pull request, a page removed with nothing leading from its address");

    /// <summary>SCR101: a summary longer than 200 characters.</summary>
    public static readonly DiagnosticCode LongSummary = new("SCR101", Severity.Warning, "a summary longer than 200 characters");

    /// <summary>SCR103: a name listed twice.</summary>
    public static readonly DiagnosticCode ListedTwice = new("SCR103", Severity.Warning, "a name listed twice");

    /// <summary>SCR104: a heading that skips a level.</summary>
    public static readonly DiagnosticCode SkippedHeadingLevel = new("SCR104", Severity.Warning, "a heading that skips a level");

    /// <summary>SCR105: a link to a draft or embargoed page.</summary>
    public static readonly DiagnosticCode LinkToHiddenPage = new("SCR105", Severity.Warning, "a link to a draft or embargoed page");

    /// <summary>SCR106: a draft case or response with no themes or no source yet.</summary>
    public static readonly DiagnosticCode DraftWithoutThemesOrSource = new("SCR106", Severity.Warning, "a draft case or response with no themes or no source yet");

    /// <summary>SCR107: a status older than <c>status_review_months</c> (only when that setting is used).</summary>
    public static readonly DiagnosticCode StaleStatus = new("SCR107", Severity.Warning, "a status older than `status_review_months` (only when that setting is used)");

    /// <summary>SCR108: language that UK guidance advises against, with what to write instead.</summary>
    public static readonly DiagnosticCode AvoidedLanguage = new("SCR108", Severity.Warning, "language that UK guidance advises against, with what to write instead");

    /// <summary>SCR109: an image or document that no page links to.</summary>
    public static readonly DiagnosticCode UnlinkedFile = new("SCR109", Severity.Warning, "an image or document that no page links to");

    /// <summary>SCR110: an HTML comment: left out of the page, but readable in the public repository.</summary>
    public static readonly DiagnosticCode HtmlComment = new("SCR110", Severity.Warning, "an HTML comment: left out of the page, but readable in the public repository");

    /// <summary>Every code, in order.</summary>
    public static IReadOnlyList<DiagnosticCode> All { get; } =
        [.. typeof(DiagnosticCodes).GetFields().Where(f => f.FieldType == typeof(DiagnosticCode)).Select(f => (DiagnosticCode)f.GetValue(null)!).OrderBy(c => c.Code, StringComparer.Ordinal)];
}
