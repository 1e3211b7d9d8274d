using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lscb.Site.Assemble;
using Lscb.Site.Core;

namespace Lscb.Site.Write;

/// <summary>
/// The open-data export of the published cases: <c>data/cases.json</c> and <c>data/cases.csv</c>.
/// Both list the same cases in the same order (by slug, ordinal): only visible cases whose findings
/// the Board published. Withheld cases are left out entirely, as they are from the feed; drafts and
/// embargoed cases never reach <see cref="SiteModel.Cases"/>. Themes and responses are limited to the
/// visible ones. Nothing depends on the clock or the culture, so two builds are byte-identical.
/// </summary>
public static class DataExport
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        // \n on every OS, so that output built on Windows matches output built on Linux.
        NewLine = "\n",
        // Keeps "é" and "’" readable instead of \u00E9. Quotes, backslashes and control characters are
        // still escaped, so the document stays valid JSON; the file is served as application/json, never
        // embedded in HTML, so not escaping < > & is safe.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The CSV columns, in order.</summary>
    public static IReadOnlyList<string> CsvHeader { get; } =
        ["slug", "title", "summary", "review_type", "year", "published", "themes", "responses", "sources", "url", "report_url"];

    /// <summary>
    /// Every published case as an indented JSON document: <c>site</c>, <c>publisher</c> and a
    /// <c>cases</c> array, one object per case with its slug, title, summary, review type (key and
    /// label), year, publication date (as written, "2017-01" or "2017-01-31"), visible themes and
    /// responses (only those a source ties to the case, each with its status and the date the status
    /// was true), sources (slug, title, publisher, date, optional url, and the address of the
    /// source's page), absolute URL and, when it has one, <c>report_url</c>. Ends with a newline.
    /// </summary>
    public static string Json(SiteModel site)
    {
        ArgumentNullException.ThrowIfNull(site);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteString("site", site.Config.Title);
            json.WriteString("publisher", site.Config.Organisation);
            json.WriteStartArray("cases");
            foreach (var c in PublishedCases(site))
            {
                json.WriteStartObject();
                json.WriteString("slug", c.Slug);
                json.WriteString("title", c.Title);
                json.WriteString("summary", c.Summary);
                json.WriteString("review_type", c.ReviewType);
                json.WriteString("review_type_label", site.ReviewTypeLabel(c.ReviewType));
                json.WriteString("year", c.Year);
                json.WriteString("published", c.Published.ToString());
                json.WriteStartArray("themes");
                foreach (var theme in site.ThemesOf(c.Themes))
                {
                    json.WriteStartObject();
                    json.WriteString("slug", theme.Slug);
                    json.WriteString("title", theme.Title);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("responses");
                foreach (var response in site.ResponsesOf(c.Responses))
                {
                    json.WriteStartObject();
                    json.WriteString("slug", response.Slug);
                    json.WriteString("title", response.Title);
                    json.WriteString("status", StatusKey(response.Status));
                    json.WriteString("status_as_at", response.AsAt.ToString());
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("sources");
                foreach (var source in site.SourcesOf(c.Sources))
                {
                    json.WriteStartObject();
                    json.WriteString("slug", source.Slug);
                    json.WriteString("title", source.Title);
                    json.WriteString("publisher", source.Publisher);
                    json.WriteString("date", source.Date.ToString());
                    if (source.Url is not null) json.WriteString("url", source.Url);
                    json.WriteString("page", site.Absolute(site.UrlOf(source)));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteString("url", site.Absolute(site.UrlOf(c)));
                if (c.ReportUrl is not null) json.WriteString("report_url", c.ReportUrl);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        // Ended with a newline and read back in place: the document is large, and each copy of it costs.
        stream.WriteByte((byte)'\n');
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>
    /// Every published case as RFC 4180 CSV: a header row (<see cref="CsvHeader"/>), then one row per
    /// case in the same order as the JSON. Themes, responses and sources are visible slugs joined with ';';
    /// <c>report_url</c> is empty when there is none. Text that a spreadsheet would read as a formula
    /// starts with an apostrophe.
    /// </summary>
    public static string Csv(SiteModel site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var csv = new StringBuilder();
        Row(csv, CsvHeader);
        foreach (var c in PublishedCases(site))
        {
            Row(csv,
            [
                c.Slug,
                c.Title,
                c.Summary,
                c.ReviewType,
                c.Year,
                c.Published.ToString(),
                string.Join(';', site.ThemesOf(c.Themes).Select(t => t.Slug)),
                string.Join(';', site.ResponsesOf(c.Responses).Select(r => r.Slug)),
                string.Join(';', site.SourcesOf(c.Sources).Select(r => r.Slug)),
                site.Absolute(site.UrlOf(c)),
                c.ReportUrl ?? "",
            ]);
        }

        return csv.ToString();
    }

    /// <summary>Visible cases whose findings were published, by slug (ordinal).</summary>
    private static List<CaseItem> PublishedCases(SiteModel site) =>
        site.Cases.Where(c => c.Publication == Publication.Published).OrderBy(c => c.Slug, StringComparer.Ordinal).ToList();

    /// <summary>The status as written in front matter.</summary>
    private static string StatusKey(ResponseStatus status) => status switch
    {
        ResponseStatus.Planned => "planned",
        ResponseStatus.InProgress => "in-progress",
        ResponseStatus.Completed => "completed",
        ResponseStatus.InPlace => "in-place",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>One record. RFC 4180 ends every record, the last included, with CRLF; we do the same.</summary>
    private static void Row(StringBuilder csv, IReadOnlyList<string> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) csv.Append(',');
            csv.Append(Field(fields[i]));
        }

        csv.Append("\r\n");
    }

    /// <summary>
    /// One field, defended then quoted. Spreadsheets run a cell that starts with = + - or @ as a
    /// formula (CSV injection), and titles and summaries are free text that could start with any of
    /// them ("-" most plausibly), so such a field gets a leading apostrophe, which spreadsheets show
    /// as plain text. Slugs, years ("2015-16") and dates start with a letter or digit and are never
    /// changed. Readers wanting the text exactly as written should use the JSON, which is never altered.
    /// A field holding a comma, quote, CR or LF is quoted, with quotes doubled (RFC 4180).
    /// </summary>
    internal static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
