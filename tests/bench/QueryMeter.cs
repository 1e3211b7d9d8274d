using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using Lscb.Site.Support;
using Microsoft.Playwright;

namespace Lscb.Site.Bench;

/// <summary>What one search downloaded.</summary>
/// <param name="Bytes">Response body bytes of every request the page made, as served (no HTTP compression).</param>
/// <param name="GzipBytes">
/// The same with HTML, CSS, JavaScript and JSON gzipped, as GitHub Pages serves them (Pagefind's
/// index, fragments and wasm are gzipped by Pagefind already and count as they are).
/// </param>
/// <param name="Requests">How many requests the page made.</param>
/// <param name="Status">The text of #search-status, e.g. "1234 results for 'neglect'".</param>
/// <param name="Breakdown">Bytes and request count by kind (document, css, js, pagefind js, wasm, index, fragment...).</param>
internal sealed record QueryResult(long Bytes, long GzipBytes, int Requests, string Status, IReadOnlyDictionary<string, (int Count, long Bytes)> Breakdown)
{
    public string BreakdownText => string.Join(", ", Breakdown.OrderByDescending(b => b.Value.Bytes)
        .Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Key} {b.Value.Count}×/{Format.Bytes(b.Value.Bytes)}")));
}

/// <summary>
/// Serves a built site the way GitHub Pages serves a project site (the <see cref="StaticSiteServer"/>
/// of tests/Support that the browser tests use: Kestrel on 127.0.0.1 under /lscb-learning/,
/// index.html for folders, any file type) and loads <c>search/#q=WORD</c> in
/// headless Chromium through Playwright, in a fresh browser context (empty cache). Once
/// #search-status says how many results there are and the network is idle, it adds up the response
/// body size of every request the page made: the page, its CSS and JavaScript, Pagefind's script,
/// wasm, metadata, the index chunks and filter files it needed and the fragments of the results it
/// shows. Chromium's own request for /favicon.ico at the host's root is outside the site and left out.
/// </summary>
internal static class QueryMeter
{
    public const string BasePath = "/lscb-learning/";

    public static async Task<QueryResult> MeasureAsync(string site, string query)
    {
        if (!File.Exists(Chromium.Path)) throw new FileNotFoundException($"no Chromium at {Chromium.Path} (set CHROMIUM_PATH)");

        await using var server = await StaticSiteServer.StartAsync(site, BasePath);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright, 60_000);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ServiceWorkers = ServiceWorkerPolicy.Block,
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        var finished = new ConcurrentQueue<IRequest>();
        var failed = new ConcurrentQueue<string>();
        page.RequestFinished += (_, r) => finished.Enqueue(r);
        page.RequestFailed += (_, r) => failed.Enqueue($"{r.Url}: {r.Failure}");

        var url = new Uri(server.BaseUrl, "search/#q=" + Uri.EscapeDataString(query));
        await page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
        await page.WaitForFunctionAsync("() => /result/.test(document.getElementById('search-status')?.textContent ?? '')",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 60_000 });
        var status = (await page.TextContentAsync("#search-status") ?? "").Trim();
        if (!failed.IsEmpty) throw new InvalidOperationException("requests failed: " + string.Join("; ", failed));

        long total = 0, gzipped = 0;
        var count = 0;
        var breakdown = new SortedDictionary<string, (int Count, long Bytes)>(StringComparer.Ordinal);
        var siteRoot = server.BaseUrl.AbsoluteUri;
        foreach (var request in finished)
        {
            if (!request.Url.StartsWith(siteRoot, StringComparison.Ordinal)) continue;
            var response = await request.ResponseAsync();
            if (response is null) continue;
            var body = await response.BodyAsync();
            long size = body.Length;
            try
            {
                var sizes = await request.SizesAsync();
                if (sizes.ResponseBodySize > 0) size = sizes.ResponseBodySize;
            }
            catch (PlaywrightException)
            {
                // Sizes are not available for every request; the body length is the same without compression.
            }

            var kind = Kind(request.Url[siteRoot.Length..], response.Headers.GetValueOrDefault("content-type", ""));
            total += size;
            gzipped += kind is "document" or "css" or "js" or "pagefind js" or "json" or "icon" ? Gzip(body) : size;
            count++;
            var (c, b) = breakdown.GetValueOrDefault(kind);
            breakdown[kind] = (c + 1, b + size);
        }

        return new QueryResult(total, gzipped, count, status, breakdown);
    }

    private static string Kind(string path, string contentType)
    {
        var clean = path.Split('?')[0];
        if (clean.StartsWith("pagefind/", StringComparison.Ordinal))
        {
            if (clean.StartsWith("pagefind/fragment/", StringComparison.Ordinal)) return "fragment";
            if (clean.StartsWith("pagefind/index/", StringComparison.Ordinal)) return "index";
            if (clean.StartsWith("pagefind/filter/", StringComparison.Ordinal)) return "filter";
            if (clean.Contains("wasm", StringComparison.Ordinal)) return "wasm";
            if (clean.EndsWith(".pf_meta", StringComparison.Ordinal)) return "meta";
            if (clean.EndsWith(".js", StringComparison.Ordinal)) return "pagefind js";
            if (clean.EndsWith(".json", StringComparison.Ordinal)) return "json";
            return "pagefind other";
        }

        if (contentType.StartsWith("text/html", StringComparison.Ordinal)) return "document";
        if (clean.EndsWith(".css", StringComparison.Ordinal)) return "css";
        if (clean.EndsWith(".js", StringComparison.Ordinal)) return "js";
        if (clean.EndsWith(".svg", StringComparison.Ordinal) || clean.EndsWith(".ico", StringComparison.Ordinal)) return "icon";
        return "other";
    }

    private static long Gzip(byte[] body)
    {
        using var sink = new MemoryStream();
        using (var gz = new GZipStream(sink, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(body);
        return sink.Length;
    }
}
