using Lscb.Site.Core;
using Lscb.Site.Load;

namespace Lscb.Site.Validate;

/// <summary>Reads and checks <c>statiq.config</c>.</summary>
public static class ConfigReader
{
    /// <summary>The settings, or null after reporting why they cannot be used.</summary>
    public static SiteConfig? Read(string? text, DiagnosticBag diagnostics)
    {
        if (text is null) return null;
        const string path = SiteLoader.ConfigFile;
        var map = YamlParser.Parse(text, path, 1, diagnostics);
        if (map is null) return null;
        var r = new FrontMatterReader(map, path, 1, diagnostics);
        var errorsBefore = diagnostics.ErrorCount(path);

        var title = r.Text("title", required: true);
        var organisation = r.Text("organisation", required: true);
        var description = r.Text("description", required: true);
        var baseUrl = AbsoluteUrl(r, "base_url", diagnostics, ParseBaseUrl);
        var language = r.Text("language", required: false) ?? "en-GB";
        var timeZone = r.Text("time_zone", required: false) ?? "Europe/London";
        var exit = AbsoluteUrl(r, "exit_this_page_url", diagnostics, ParseWebAddress);
        var types = r.TextMap("review_types", required: true);
        var questions = r.TextList("questions_for_practice");
        var emergency = r.Text("emergency_phone", required: false);
        var nspcc = r.Text("nspcc_phone", required: false);
        var localName = r.Text("local_contact_name", required: false);
        var localPhone = r.Text("local_contact_phone", required: false);
        var reviewMonths = r.Text("status_review_months", required: false);
        var helpLines = ReadHelpLines(r, diagnostics);
        r.Finish();
        int? months = null;
        if (reviewMonths is not null)
        {
            if (int.TryParse(reviewMonths, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 1200)
                months = n;
            else
                diagnostics.Report(DiagnosticCodes.WrongKind, r.AtKey("status_review_months"), "'status_review_months' must be a whole number of months, e.g. 12, or left out to turn the warning off");
        }

        if ((localName is null) != (localPhone is null))
            diagnostics.Report(DiagnosticCodes.MissingKey, r.AtKey(localName is null ? "local_contact_name" : "local_contact_phone"),
                "set both local_contact_name and local_contact_phone, or leave both empty");

        if (types.Count == 0 && r.Has("review_types"))
            diagnostics.Report(DiagnosticCodes.MissingKey, r.AtKey("review_types"), "'review_types' needs at least one entry, e.g. 'serious-case-review: Serious case review'");
        foreach (var (key, _, at) in types)
        {
            if (!SiteLoader.SlugPattern().IsMatch(key))
                diagnostics.Report(DiagnosticCodes.BadName, at, $"the review type '{key}' must use only a-z, 0-9 and hyphens");
        }

        if (diagnostics.ErrorCount(path) > errorsBefore) return null;
        return new SiteConfig(title!, organisation!, description!, baseUrl!, language, timeZone, exit!,
            types.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal))
        {
            QuestionsForPractice = questions,
            EmergencyPhone = emergency,
            NspccPhone = nspcc,
            LocalContactName = localName,
            LocalContactPhone = localPhone,
            StatusReviewMonths = months,
            HelpLines = helpLines,
        };
    }

    private const string HelpLineShape =
        "a help line written 'samaritans:' with 'name:', 'phone:', 'url:' and 'themes:' indented under it";

    // help_lines: a national service per key, with its number as the service's own page gives it.
    private static List<HelpLine> ReadHelpLines(FrontMatterReader r, DiagnosticBag diagnostics)
    {
        var result = new List<HelpLine>();
        foreach (var (key, map, at) in r.NamedMappings("help_lines", HelpLineShape))
        {
            var e = r.Nested(map, $"under '{key}'");
            var before = diagnostics.ErrorCount(SiteLoader.ConfigFile);
            if (!SiteLoader.SlugPattern().IsMatch(key))
                diagnostics.Report(DiagnosticCodes.BadName, at, $"the help line '{key}' must be named with only a-z, 0-9 and hyphens, e.g. 'samaritans'");
            var name = e.Text("name", required: true);
            var phone = e.Text("phone", required: true);
            var who = e.Text("for", required: false);
            var url = e.Text("url", required: true);
            var themes = e.Slugs("themes", required: true);
            e.Finish();
            if (phone is not null && !IsPhoneNumber(phone))
                diagnostics.Report(DiagnosticCodes.BadHelpLine, e.AtKey("phone"),
                    $"'{phone}' is not a phone number: write it as the service's own page does, with digits and spaces only, e.g. 116 123");
            var page = url is null ? null : ParseWebAddress(url);
            if (url is not null && page is not { Scheme: "https" })
                diagnostics.Report(DiagnosticCodes.BadHelpLine, e.AtKey("url"),
                    "'url' must be the https:// address of the service's own page that gives this number, so that anyone can check it");
            if (diagnostics.ErrorCount(SiteLoader.ConfigFile) == before)
                result.Add(new HelpLine(key, name!, phone!, who, page!, themes, at));
        }

        return result;
    }

    // A number as a service publishes it: digits in groups, optionally starting with +.
    private static bool IsPhoneNumber(string text)
    {
        var digits = text.Count(char.IsAsciiDigit);
        return digits is >= 3 and <= 15 && text.TrimStart('+').All(ch => char.IsAsciiDigit(ch) || ch == ' ');
    }

    /// <summary>Checks a base URL given on the command line: absolute http(s).</summary>
    public static Uri? ParseBaseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Query.Length == 0 && uri.Fragment.Length == 0
            ? (uri.AbsolutePath.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/"))
            : null;

    private static Uri? ParseWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null;

    private static Uri? AbsoluteUrl(FrontMatterReader r, string key, DiagnosticBag diagnostics, Func<string, Uri?> parse)
    {
        var text = r.Text(key, required: true);
        if (text is null) return null;
        var uri = parse(text);
        if (uri is null)
            diagnostics.Report(DiagnosticCodes.NotAllowedValue, r.AtKey(key), $"'{key}' must be a full web address starting with https:// (or http://), e.g. https://example.github.io/site/");
        return uri;
    }
}
