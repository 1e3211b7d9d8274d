using System.IO.Compression;
using System.Text;
using Lscb.Site.Build;
using Lscb.Site.Support;

namespace Lscb.Site.Tests.Browser;

/// <summary>
/// A small site with a draft case, an embargoed case and a withheld case, each carrying unique planted
/// words, built once with its search index and served on 127.0.0.1 under the project base path.
/// </summary>
public sealed class LeakGuardSite : IAsyncLifetime
{
    // Made-up words that share no stem with each other or any word of the site, and start with none of
    // its one-letter words ("a", "p" and "w" from "Child A", "Child P", "Child W"): Pagefind 1.6 also
    // matches a query against indexed words that begin it ("pzzz" finds "Child P") and near misses
    // ("...planx" finds "...plant"), so similar words would find each other's pages.
    public const string DraftWord = "zorbulax";
    public const string EmbargoWord = "quorvinex";
    public const string WithheldTitleWord = "jembrotil";
    public const string WithheldSummaryWord = "kvastrumel";
    public const string WithheldReasonWord = "vyndoraxil";
    public const string WithheldBodyWord = "xylocrantum";
    public const string PublishedWord = "yorvantheldrix";

    private StaticSiteServer? server;

    public LeakGuardSite()
    {
        Site = new TestSite(new Dictionary<string, string>
        {
            ["input/cases/child-d.md"] = TestSite.Case($"Child D {DraftWord}", "draft: true\nresponses: [strategy]",
                $"## What happened\n\nThe {DraftWord} text.\n"),
            ["input/cases/child-e.md"] = TestSite.Case($"Child E {EmbargoWord}", "published: 2030-05-01\nembargo: true\nresponses: [strategy]",
                $"## What happened\n\nThe {EmbargoWord} text.\n"),
            ["input/cases/child-w.md"] = TestSite.Case($"Child W {WithheldTitleWord}",
                $"summary: A summary with {WithheldSummaryWord}.\npublication: withheld\n" +
                $"withheld_reason: The Board decided not to publish, {WithheldReasonWord}.\nresponses: [strategy]",
                $"## Learning\n\nThe {WithheldBodyWord} learning the Board made public.\n"),
            ["input/cases/child-p.md"] = TestSite.Case("Child P", "responses: [strategy]",
                $"## What happened\n\nThe {PublishedWord} text.\n"),
        });
    }

    public TestSite Site { get; }

    public string Output => Site.Output;

    /// <summary>The served site's root, e.g. http://127.0.0.1:41234/lscb-learning/.</summary>
    public Uri BaseUrl => server?.BaseUrl ?? throw new InvalidOperationException("The leak guard site was not served.");

    /// <summary>Every output file, relative with forward slashes, and its text; gzip files (Pagefind's) decompressed.</summary>
    public IReadOnlyList<(string Path, string Text)> Files { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var result = SiteBuilder.Build(Site.Options("http://127.0.0.1" + BrowserFixture.BasePath));
        if (result.Failed) throw new InvalidOperationException("The leak guard site did not build:\n" + string.Join('\n', result.Diagnostics));
        Files = Directory.EnumerateFiles(Output, "*", SearchOption.AllDirectories)
            .Select(f => (Path.GetRelativePath(Output, f).Replace('\\', '/'), Readable(File.ReadAllBytes(f))))
            .OrderBy(f => f.Item1, StringComparer.Ordinal)
            .ToList();
        server = await StaticSiteServer.StartAsync(Output, BrowserFixture.BasePath);
    }

    /// <summary>The bytes as text, and when they are gzip (Pagefind's .pf_* files and its wasm), the decompressed text after them.</summary>
    private static string Readable(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (bytes is not [0x1f, 0x8b, ..]) return text;
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var plain = new MemoryStream();
        gzip.CopyTo(plain);
        return text + "\n" + Encoding.UTF8.GetString(plain.ToArray());
    }

    public async Task DisposeAsync()
    {
        if (server is not null) await server.DisposeAsync();
        Site.Dispose();
    }
}

/// <summary>
/// Drafts, embargoed cases and withheld cases never reach readers where they must not: no file of the
/// site holds a draft's or an embargoed case's words; a withheld case's text is on its own page only,
/// never in the feed, the sitemap, the data export or the search index; and the real Pagefind UI in
/// Chromium finds none of them, while it finds a published case's word.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LeakGuardBrowserTests(BrowserFixture browser, LeakGuardSite site) : IClassFixture<LeakGuardSite>
{
    private static readonly string[] NeverLeaking = ["feed.xml", "sitemap.xml", "data/cases.json", "data/cases.csv"];

    private IEnumerable<string> FilesContaining(string word) =>
        site.Files.Where(f => f.Text.Contains(word, StringComparison.Ordinal)).Select(f => f.Path);

    private IReadOnlyList<(string Path, string Text)> SearchIndex => site.Files.Where(f => f.Path.StartsWith("pagefind/", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Given_the_built_site_Then_its_search_index_was_read_decompressed_and_holds_the_published_control_word()
    {
        Assert.Contains(site.Files, f => f.Path == "pagefind/pagefind-entry.json");
        Assert.Contains(site.Files, f => f.Path.EndsWith(".pf_fragment", StringComparison.Ordinal));
        var holders = FilesContaining(LeakGuardSite.PublishedWord).ToList();
        Assert.Contains("cases/child-p/index.html", holders);
        Assert.True(holders.Any(p => p.EndsWith(".pf_fragment", StringComparison.Ordinal)),
            $"the published word should be in a decompressed Pagefind fragment (else the leak checks below prove nothing); it is in: {string.Join(", ", holders)}");
    }

    [Theory]
    [InlineData(LeakGuardSite.DraftWord, "child-d")]
    [InlineData(LeakGuardSite.EmbargoWord, "child-e")]
    public void Given_a_draft_or_an_embargoed_case_When_built_with_search_Then_its_word_and_address_are_in_no_file_even_inside_the_compressed_index(string word, string slug)
    {
        Assert.Empty(FilesContaining(word));
        Assert.Empty(FilesContaining("cases/" + slug));
    }

    [Theory]
    [InlineData(LeakGuardSite.WithheldBodyWord)]
    [InlineData(LeakGuardSite.WithheldReasonWord)]
    public void Given_a_withheld_case_When_built_Then_its_body_and_reason_are_only_on_its_own_page(string word)
    {
        Assert.Equal(["cases/child-w/index.html"], FilesContaining(word));
    }

    [Theory]
    [InlineData(LeakGuardSite.WithheldTitleWord)]
    [InlineData(LeakGuardSite.WithheldSummaryWord)]
    [InlineData(LeakGuardSite.WithheldReasonWord)]
    [InlineData(LeakGuardSite.WithheldBodyWord)]
    public void Given_a_withheld_case_When_built_Then_no_part_of_it_is_in_the_feed_the_sitemap_the_data_export_or_the_search_index(string word)
    {
        Assert.Contains("cases/child-w/index.html", FilesContaining(word));
        var leaks = site.Files.Where(f => NeverLeaking.Contains(f.Path)).Concat(SearchIndex)
            .Where(f => f.Text.Contains(word, StringComparison.Ordinal)).Select(f => f.Path).ToList();
        Assert.True(leaks.Count == 0, $"'{word}' from the withheld case is in {string.Join(", ", leaks)}");
        // The sitemap lists the withheld case's page, which is public; the feed and the data export do not.
        foreach (var path in NeverLeaking.Where(p => p != "sitemap.xml"))
            Assert.DoesNotContain("cases/child-w", site.Files.Single(f => f.Path == path).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LeakGuardSite.DraftWord)]
    [InlineData(LeakGuardSite.EmbargoWord)]
    [InlineData(LeakGuardSite.WithheldTitleWord)]
    [InlineData(LeakGuardSite.WithheldSummaryWord)]
    [InlineData(LeakGuardSite.WithheldReasonWord)]
    [InlineData(LeakGuardSite.WithheldBodyWord)]
    public async Task Given_the_served_site_When_a_planted_word_is_searched_in_Chromium_Then_there_are_no_results(string word)
    {
        await using var session = await browser.OpenAsync();
        var links = await SearchBrowserTests.ResultsAsync(session, site.BaseUrl, "?q=" + word);
        Assert.True(links.Count == 0, $"searching '{word}' found {string.Join(", ", links)}");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Given_the_served_site_When_the_published_control_word_is_searched_in_Chromium_Then_its_case_is_found()
    {
        await using var session = await browser.OpenAsync();
        var links = await SearchBrowserTests.ResultsAsync(session, site.BaseUrl, "?q=" + LeakGuardSite.PublishedWord);
        Assert.Equal([BrowserFixture.BasePath + "cases/child-p/"], links);
        Assert.Empty(session.Errors);
    }
}
