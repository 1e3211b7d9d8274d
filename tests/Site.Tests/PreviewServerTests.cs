using System.Diagnostics;
using System.Text.Json;
using Lscb.Site.Preview;

namespace Lscb.Site.Tests;

/// <summary><c>preview</c>: serves the site, rebuilds on save, keeps the last good pages when an edit breaks.</summary>
public sealed class PreviewServerTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private static async Task<string> WaitFor(HttpClient http, Uri url, Func<string, bool> ready)
    {
        var clock = Stopwatch.StartNew();
        var last = "";
        while (clock.Elapsed < Patience)
        {
            last = await http.GetStringAsync(url);
            if (ready(last)) return last;
            await Task.Delay(100);
        }

        throw new TimeoutException($"{url} did not change within {Patience.TotalSeconds} s; last answer:\n{last}");
    }

    [Fact]
    public async Task Given_a_running_preview_When_a_page_is_edited_and_then_broken_Then_the_edit_is_served_and_the_break_reported()
    {
        using var site = new TestSite();
        using var stop = new CancellationTokenSource();
        var outText = new StringWriter();
        var errText = new StringWriter();
        var stdout = TextWriter.Synchronized(outText);
        var stderr = TextWriter.Synchronized(errText);
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var preview = Task.Run(() => PreviewServer.RunAsync(site.Options(baseUrl: "https://example.github.io/lscb-learning/"), 0, stdout, stderr, stop.Token, started.SetResult));
        var baseUrl = await started.Task.WaitAsync(Patience);
        Assert.Equal("/lscb-learning/", baseUrl.AbsolutePath);
        using var http = new HttpClient();
        var page = new Uri(baseUrl, "cases/child-a/");
        var status = new Uri(baseUrl, "/__preview/status");

        var first = await http.GetStringAsync(page);
        Assert.Contains(">Child A</h1>", first, StringComparison.Ordinal);
        Assert.Contains("/__preview/client.js?v=1", first, StringComparison.Ordinal);

        var clock = Stopwatch.StartNew();
        site.Write("input/cases/child-a.md", TestSite.Case("Child A revised", "themes: [neglect, domestic-abuse]\nresponses: [strategy]"));
        await WaitFor(http, page, html => html.Contains(">Child A revised</h1>", StringComparison.Ordinal));
        Assert.True(clock.Elapsed < Patience);

        site.Write("input/cases/child-a.md", TestSite.Case("Child A broken", "themes: [neglct]"));
        var json = await WaitFor(http, status, s => s.Contains("\"ok\":false", StringComparison.Ordinal));
        var errors = JsonDocument.Parse(json).RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(errors, e => e!.StartsWith("input/cases/child-a.md(8,10): error SCR012", StringComparison.Ordinal));
        var kept = await http.GetStringAsync(page);
        Assert.Contains(">Child A revised</h1>", kept, StringComparison.Ordinal);
        Assert.Contains("did you mean 'neglect'?", errText.ToString(), StringComparison.Ordinal);

        site.Write("input/cases/child-a.md", TestSite.Case("Child A fixed"));
        await WaitFor(http, page, html => html.Contains(">Child A fixed</h1>", StringComparison.Ordinal));
        // The page is swapped in just before the state is told; wait for the state too.
        await WaitFor(http, status, s => s.Contains("\"ok\":true", StringComparison.Ordinal));
        Assert.Contains("unchanged", outText.ToString(), StringComparison.Ordinal);

        // The reload script is added as pages are served, never written into the built site.
        Assert.DoesNotContain("__preview", File.ReadAllText(Path.Combine(site.Root, ".cache", "preview", "cases", "child-a", "index.html")), StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, await preview.WaitAsync(Patience));
        Assert.Contains("Preview stopped.", outText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Given_a_preview_When_a_draft_exists_Then_it_is_served()
    {
        using var site = new TestSite(new Dictionary<string, string> { ["input/cases/child-d.md"] = TestSite.Case("Child D", "draft: true") });
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var preview = Task.Run(() => PreviewServer.RunAsync(site.Options(), 0, TextWriter.Null, TextWriter.Null, stop.Token, started.SetResult));
        var baseUrl = await started.Task.WaitAsync(Patience);
        using var http = new HttpClient();

        Assert.Contains(">Child D</h1>", await http.GetStringAsync(new Uri(baseUrl, "cases/child-d/")), StringComparison.Ordinal);
        var missing = await http.GetAsync(new Uri(baseUrl, "no-such-page/"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("Page not found", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await stop.CancelAsync();
        Assert.Equal(0, await preview.WaitAsync(Patience));
    }

    [Fact]
    public async Task Given_a_preview_When_a_request_names_another_host_Then_pages_assets_and_the_reload_stream_are_refused_and_local_names_are_served()
    {
        using var site = new TestSite(new Dictionary<string, string> { ["input/cases/child-d.md"] = TestSite.Case("Child D", "draft: true") });
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var preview = Task.Run(() => PreviewServer.RunAsync(site.Options(), 0, TextWriter.Null, TextWriter.Null, stop.Token, started.SetResult));
        var baseUrl = await started.Task.WaitAsync(Patience);
        using var http = new HttpClient { Timeout = Patience };
        var port = baseUrl.Port;
        var asset = System.Text.RegularExpressions.Regex.Match(await http.GetStringAsync(new Uri(baseUrl, "cases/child-d/")), @"href=""/(assets/site\.css)[?""]").Groups[1].Value;
        Assert.NotEmpty(asset);

        async Task<System.Net.HttpStatusCode> Get(string path, string host)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://127.0.0.1:{port}{path}"));
            request.Headers.Host = host;
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            return response.StatusCode;
        }

        foreach (var path in new[] { "/cases/child-d/", "/" + asset, "/__preview/events", "/__preview/status" })
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, await Get(path, "evil.example"));
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, await Get(path, $"evil.example:{port}"));
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, await Get(path, $"localhost.evil.example:{port}"));
        }

        foreach (var host in new[] { $"localhost:{port}", $"127.0.0.1:{port}", $"[::1]:{port}", "localhost", "LOCALHOST" })
            Assert.Equal(System.Net.HttpStatusCode.OK, await Get("/cases/child-d/", host));

        await stop.CancelAsync();
        Assert.Equal(0, await preview.WaitAsync(Patience));
    }
}
