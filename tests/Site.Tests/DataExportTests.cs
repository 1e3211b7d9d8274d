using System.Text;
using System.Text.Json;
using Lscb.Site.Write;

namespace Lscb.Site.Tests;

/// <summary>The open-data export, data/cases.json and data/cases.csv: only published, visible cases.</summary>
public sealed class DataExportTests
{
    private const string BaseUrl = "https://example.org/lscb/";
    private const string WithheldWord = "ochrewithheldmarker";
    private const string DraftWord = "zephyrdraftmarker";
    private const string EmbargoWord = "quillembargomarker";
    private const string HiddenResponseWord = "velvethiddenresponsemarker";

    private const string TrickyTitle = "-Child B, with a comma and a \"quote\" — café";
    private const string ReportUrl = "https://example.org/reports/child-b.pdf";

    private static readonly string[] Header =
        ["slug", "title", "summary", "review_type", "year", "published", "themes", "responses", "sources", "url", "report_url"];

    /// <summary>
    /// The baseline's published Child A, plus a published Child B with a title that needs quoting and
    /// defending, a withheld case, a draft, an embargoed case and a draft response Child B lists.
    /// </summary>
    private static TestSite Planted() => new(new Dictionary<string, string>
    {
        ["input/cases/child-b.md"] = TestSite.Case(
            "'" + TrickyTitle + "'",
            $"summary: '@risk: the summary starts with an at sign.'\nreview_type: thematic-review\nyear: 2016-17\npublished: 2018-03\n"
            + $"themes: [toxic-trio]\nresponses: [strategy, secret-plan]\nreport_url: {ReportUrl}"),
        ["input/cases/child-w.md"] = TestSite.Case(
            $"Child W {WithheldWord}",
            $"summary: Withheld {WithheldWord}.\nresponses: [strategy]\npublication: withheld\nwithheld_reason: The Board decided not to publish {WithheldWord}.",
            $"Public learning {WithheldWord}.\n"),
        ["input/cases/child-d.md"] = TestSite.Case(
            $"Child D {DraftWord}", $"summary: Draft {DraftWord}.\nresponses: [strategy]\ndraft: true", $"## What happened\n\n{DraftWord} body.\n"),
        ["input/cases/child-e.md"] = TestSite.Case(
            $"Child E {EmbargoWord}", $"summary: Embargoed {EmbargoWord}.\nresponses: [strategy]\npublished: 2030-05-01\nembargo: true", $"## What happened\n\n{EmbargoWord} body.\n"),
        ["input/responses/secret-plan.md"] =
            $"---\ntitle: Secret plan {HiddenResponseWord}\nsummary: Not yet {HiddenResponseWord}.\nstatus: planned\nas_at: 2017-01\nthemes: [neglect]\nsources: [bulletin]\ndraft: true\n---\nText.\n",
    });

    private static TestSite Built()
    {
        var site = Planted();
        var result = site.Build(BaseUrl);
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        return site;
    }

    private static List<JsonElement> JsonCases(JsonDocument json) => json.RootElement.GetProperty("cases").EnumerateArray().ToList();

    private static List<string> Slugs(JsonDocument json) => JsonCases(json).Select(c => c.GetProperty("slug").GetString()!).ToList();

    [Fact]
    public void Given_published_withheld_draft_and_embargoed_cases_When_built_Then_the_JSON_lists_only_the_published_ones_by_slug()
    {
        using var site = Built();
        using var json = JsonDocument.Parse(site.ReadOutput("data/cases.json"));

        Assert.Equal(["child-a", "child-b"], Slugs(json));
        Assert.Equal("Learning from case reviews", json.RootElement.GetProperty("site").GetString());
        Assert.Equal("Knowsley Local Safeguarding Children Board", json.RootElement.GetProperty("publisher").GetString());
    }

    [Fact]
    public void Given_a_published_case_When_built_Then_its_JSON_entry_has_every_field_with_an_absolute_URL()
    {
        using var site = Built();
        using var json = JsonDocument.Parse(site.ReadOutput("data/cases.json"));
        var a = JsonCases(json).Single(c => c.GetProperty("slug").GetString() == "child-a");

        Assert.Equal("Child A", a.GetProperty("title").GetString());
        Assert.Equal("A short summary.", a.GetProperty("summary").GetString());
        Assert.Equal("serious-case-review", a.GetProperty("review_type").GetString());
        Assert.Equal("Serious case review", a.GetProperty("review_type_label").GetString());
        Assert.Equal("2015-16", a.GetProperty("year").GetString());
        Assert.Equal("2017-01-31", a.GetProperty("published").GetString());
        Assert.Equal(
            [("neglect", "Neglect"), ("domestic-abuse", "Domestic abuse")],
            a.GetProperty("themes").EnumerateArray().Select(t => (t.GetProperty("slug").GetString(), t.GetProperty("title").GetString())).ToList());
        Assert.Equal(
            [("strategy", "Strategy", "in-place", "2017-01")],
            a.GetProperty("responses").EnumerateArray()
                .Select(r => (r.GetProperty("slug").GetString(), r.GetProperty("title").GetString(), r.GetProperty("status").GetString(), r.GetProperty("status_as_at").GetString())).ToList());
        var source = Assert.Single(a.GetProperty("sources").EnumerateArray());
        Assert.Equal(("bulletin", "The bulletin", "The Board", "2017-01", BaseUrl + "sources/bulletin/"),
            (source.GetProperty("slug").GetString(), source.GetProperty("title").GetString(), source.GetProperty("publisher").GetString(),
                source.GetProperty("date").GetString(), source.GetProperty("page").GetString()));
        Assert.Equal(BaseUrl + "cases/child-a/", a.GetProperty("url").GetString());
        Assert.False(a.TryGetProperty("report_url", out _), "no report_url key when the case has none");
    }

    [Fact]
    public void Given_a_case_with_a_report_and_a_draft_response_When_built_Then_the_JSON_has_the_report_and_only_visible_responses()
    {
        using var site = Built();
        var text = site.ReadOutput("data/cases.json");
        using var json = JsonDocument.Parse(text);
        var b = JsonCases(json).Single(c => c.GetProperty("slug").GetString() == "child-b");

        Assert.Equal(TrickyTitle, b.GetProperty("title").GetString());
        Assert.Equal("@risk: the summary starts with an at sign.", b.GetProperty("summary").GetString());
        Assert.Equal("Thematic review", b.GetProperty("review_type_label").GetString());
        Assert.Equal("2018-03", b.GetProperty("published").GetString());
        Assert.Equal(["toxic-trio"], b.GetProperty("themes").EnumerateArray().Select(t => t.GetProperty("slug").GetString()!).ToList());
        Assert.Equal(["strategy"], b.GetProperty("responses").EnumerateArray().Select(r => r.GetProperty("slug").GetString()!).ToList());
        Assert.Equal(ReportUrl, b.GetProperty("report_url").GetString());
        Assert.Contains("— café", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_published_withheld_draft_and_embargoed_cases_When_built_Then_the_CSV_has_a_header_and_the_same_rows_as_the_JSON()
    {
        using var site = Built();
        var rows = ParseCsv(site.ReadOutput("data/cases.csv"));
        using var json = JsonDocument.Parse(site.ReadOutput("data/cases.json"));

        Assert.Equal(Header, rows[0]);
        Assert.All(rows, r => Assert.Equal(Header.Length, r.Count));
        Assert.Equal(Slugs(json), rows.Skip(1).Select(r => r[0]).ToList());
        Assert.Equal(
            ["child-a", "Child A", "A short summary.", "serious-case-review", "2015-16", "2017-01-31", "neglect;domestic-abuse", "strategy", "bulletin", BaseUrl + "cases/child-a/", ""],
            rows[1]);
        Assert.Equal(
            ["child-b", "'" + TrickyTitle, "'@risk: the summary starts with an at sign.", "thematic-review", "2016-17", "2018-03", "toxic-trio", "strategy", "bulletin", BaseUrl + "cases/child-b/", ReportUrl],
            rows[2]);
    }

    [Fact]
    public void Given_withheld_draft_and_embargoed_content_When_built_Then_its_words_appear_in_neither_file()
    {
        using var site = Built();
        foreach (var file in new[] { "data/cases.json", "data/cases.csv" })
        {
            var text = site.ReadOutput(file);
            foreach (var word in new[] { WithheldWord, DraftWord, EmbargoWord, HiddenResponseWord, "child-w", "child-d", "child-e", "secret-plan" })
            {
                Assert.False(text.Contains(word, StringComparison.Ordinal), $"{word} in {file}");
            }
        }
    }

    [Fact]
    public void Given_the_same_input_When_built_twice_Then_both_files_are_byte_identical_with_the_documented_line_ends()
    {
        using var site = Planted();
        Assert.False(site.Build(BaseUrl).Failed);
        var json = File.ReadAllBytes(Path.Combine(site.Output, "data/cases.json"));
        var csv = File.ReadAllBytes(Path.Combine(site.Output, "data/cases.csv"));
        Assert.False(site.Build(BaseUrl).Failed);

        Assert.Equal(json, File.ReadAllBytes(Path.Combine(site.Output, "data/cases.json")));
        Assert.Equal(csv, File.ReadAllBytes(Path.Combine(site.Output, "data/cases.csv")));
        var jsonText = Encoding.UTF8.GetString(json);
        Assert.DoesNotContain("\r", jsonText, StringComparison.Ordinal);
        Assert.EndsWith("}\n", jsonText, StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"site\": ", jsonText, StringComparison.Ordinal);
        var csvText = Encoding.UTF8.GetString(csv);
        Assert.EndsWith("\r\n", csvText, StringComparison.Ordinal);
        Assert.Equal(csvText.Split('\n').Length - 1, csvText.Split("\r\n").Length - 1);
        Assert.StartsWith(string.Join(',', Header) + "\r\n", csvText, StringComparison.Ordinal);
        Assert.NotEqual(0xEF, csv[0]);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("2015-16", "2015-16")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+44 151", "'+44 151")]
    [InlineData("-minus", "'-minus")]
    [InlineData("@handle", "'@handle")]
    [InlineData("=SUM(A1,A2)", "\"'=SUM(A1,A2)\"")]
    [InlineData("a=b", "a=b")]
    public void Given_a_field_When_written_as_CSV_Then_it_is_quoted_and_defended_as_needed(string value, string expected) =>
        Assert.Equal(expected, DataExport.Field(value));

    /// <summary>A small RFC 4180 reader: quoted fields may hold commas, doubled quotes, CR and LF; records end with CRLF (or LF).</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch != '"') field.Append(ch);
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else quoted = false;
            }
            else if (ch == '"' && field.Length == 0) quoted = true;
            else if (ch == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n') continue;
            else if (ch == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else field.Append(ch);
        }

        Assert.False(quoted, "unterminated quoted field");
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public void Given_more_cases_than_the_feed_holds_When_built_Then_the_feed_carries_the_newest_fifty_entries_and_the_export_every_case()
    {
        var files = Enumerable.Range(1, FeedWriter.MaxEntries + 5).ToDictionary(
            i => $"input/cases/child-f{i}.md",
            i => TestSite.Case($"Child F{i}", $"published: {new DateOnly(2019, 1, 1).AddDays(i):yyyy-MM-dd}"));
        using var site = new TestSite(files);
        var result = site.Build(BaseUrl);
        Assert.False(result.Failed, string.Join('\n', result.Diagnostics));

        var atom = (System.Xml.Linq.XNamespace)"http://www.w3.org/2005/Atom";
        var titles = System.Xml.Linq.XDocument.Parse(site.ReadOutput("feed.xml")).Root!.Elements(atom + "entry")
            .Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Equal(FeedWriter.MaxEntries, titles.Count);
        Assert.Equal($"Child F{FeedWriter.MaxEntries + 5}", titles[0]);
        Assert.DoesNotContain("Child F1", titles);
        Assert.DoesNotContain("Child A", titles);

        using var json = JsonDocument.Parse(site.ReadOutput("data/cases.json"));
        Assert.Equal(FeedWriter.MaxEntries + 6, json.RootElement.GetProperty("cases").GetArrayLength());
    }
}

/// <summary>The export of the real content, built under a GitHub Pages project base path.</summary>
[Collection(RealSiteCollection.Name)]
public sealed class RealSiteDataExportTests(RealSiteFixture site)
{
    private static readonly string[] Published = ["child-o", "child-q-and-child-s", "child-r"];

    [Fact]
    public void Given_the_real_content_When_built_Then_the_JSON_lists_the_published_cases_but_not_withheld_Child_N()
    {
        using var json = JsonDocument.Parse(site.Text("data/cases.json"));
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToList();

        Assert.Equal(Published, cases.Select(c => c.GetProperty("slug").GetString()!).ToArray());
        Assert.All(cases, c =>
        {
            var url = c.GetProperty("url").GetString()!;
            Assert.StartsWith(RealSiteFixture.BaseUrl + "cases/", url, StringComparison.Ordinal);
            Assert.Equal(RealSiteFixture.BaseUrl + "cases/" + c.GetProperty("slug").GetString() + "/", url);
            Assert.NotEmpty(c.GetProperty("themes").EnumerateArray());
        });
        Assert.DoesNotContain("child-n", site.Text("data/cases.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Given_the_real_content_When_built_Then_the_CSV_has_the_same_cases_as_the_JSON()
    {
        var rows = DataExportTests.ParseCsv(site.Text("data/cases.csv"));

        Assert.Equal(Published, rows.Skip(1).Select(r => r[0]).ToArray());
        Assert.All(rows.Skip(1), r => Assert.StartsWith(RealSiteFixture.BaseUrl + "cases/", r[9], StringComparison.Ordinal));
        // Every case names its source; none is tied to a response, since the bulletin ties none.
        Assert.All(rows.Skip(1), r => Assert.Equal(("bulletin-january-2017", ""), (r[8], r[7])));
        Assert.DoesNotContain("child-n", site.Text("data/cases.csv"), StringComparison.Ordinal);
    }
}

