using System.Net;
using Lscb.Site.Support;

namespace Lscb.Site.Tests.Browser;

/// <summary>The test server behaves like GitHub Pages where the browser tests depend on it.</summary>
public sealed class StaticSiteServerTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "lscb-server-" + Guid.NewGuid().ToString("N"));

    public StaticSiteServerTests()
    {
        Write("index.html", "<p>home</p>");
        Write("cases/index.html", "<p>cases</p>");
        Write("404.html", "<p>not here</p>");
        Write("assets/site.mjs", "export {};");
        Write("pagefind/index/en_1.pf_index", "binary");
        Write("pagefind/pagefind-entry.json", "{}");
    }

    [Fact]
    public async Task Given_a_folder_When_served_under_a_base_path_Then_requests_are_answered_as_GitHub_Pages_answers_them()
    {
        await using var server = await StaticSiteServer.StartAsync(root, "/lscb-learning/");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        Assert.Equal("127.0.0.1", server.BaseUrl.Host);
        Assert.Equal("/lscb-learning/", server.BaseUrl.AbsolutePath);

        await Expect(client, server.BaseUrl, "", HttpStatusCode.OK, "text/html", "<p>home</p>");
        await Expect(client, server.BaseUrl, "cases/", HttpStatusCode.OK, "text/html", "<p>cases</p>");
        await Expect(client, server.BaseUrl, "assets/site.mjs", HttpStatusCode.OK, "text/javascript", "export {};");
        await Expect(client, server.BaseUrl, "pagefind/index/en_1.pf_index", HttpStatusCode.OK, "application/octet-stream", "binary");
        await Expect(client, server.BaseUrl, "pagefind/pagefind-entry.json", HttpStatusCode.OK, "application/json", "{}");
        await Expect(client, server.BaseUrl, "nothing/here/", HttpStatusCode.NotFound, "text/html", "<p>not here</p>");
        await Expect(client, server.BaseUrl, "/index.html", HttpStatusCode.NotFound, "text/html", "<p>not here</p>");

        using var redirect = await client.GetAsync(new Uri(server.BaseUrl, "cases"));
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal("/lscb-learning/cases/", redirect.Headers.Location?.IsAbsoluteUri == true
            ? redirect.Headers.Location.AbsolutePath
            : redirect.Headers.Location?.OriginalString);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder; the OS cleans up what a test could not.
        }
    }

    private static async Task Expect(HttpClient client, Uri baseUrl, string path, HttpStatusCode status, string type, string body)
    {
        using var response = await client.GetAsync(new Uri(baseUrl, path));
        Assert.Equal(status, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }
}
