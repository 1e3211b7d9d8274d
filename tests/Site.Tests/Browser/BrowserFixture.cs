using Lscb.Site.Build;
using Lscb.Site.Support;
using Microsoft.Playwright;

namespace Lscb.Site.Tests.Browser;

/// <summary>
/// The real input/ built once under the GitHub Pages project base path, served by
/// <see cref="StaticSiteServer"/> on 127.0.0.1, and one headless Debian Chromium driven by
/// Playwright, shared by every test in the "browser" collection. Playwright's own browser downloads
/// are never used: the tests drive /usr/bin/chromium (or the browser named by CHROMIUM_PATH; see
/// <see cref="Chromium"/>), and fail (never skip) when it is missing.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string BasePath = "/lscb-learning/";

    private StaticSiteServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public BrowserFixture()
    {
        Output = Path.Combine(Path.GetTempPath(), "lscb-browser-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The built site's folder.</summary>
    public string Output { get; }

    /// <summary>The served site's root, e.g. http://127.0.0.1:41234/lscb-learning/.</summary>
    public Uri BaseUrl => server?.BaseUrl ?? throw new InvalidOperationException("The browser fixture did not start.");

    /// <summary>The request line of every request the served site has received, as a host's log keeps it.</summary>
    public IReadOnlyList<string> RequestLog => server?.RequestLog ?? [];

    /// <summary>Every HTML file of the build, relative to <see cref="Output"/> with forward slashes, in order.</summary>
    public IReadOnlyList<string> HtmlFiles =>
        Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The URL a visitor uses for an output file: "cases/index.html" is "…/cases/", "404.html" stays.</summary>
    public Uri UrlOf(string outputPath)
    {
        var path = outputPath == "index.html" ? ""
            : outputPath.EndsWith("/index.html", StringComparison.Ordinal) ? outputPath[..^"index.html".Length]
            : outputPath;
        return new Uri(BaseUrl, path);
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium.Path))
        {
            throw new InvalidOperationException(
                $"The browser tests need Debian's Chromium at {Chromium.Path}, which is missing: install Debian's chromium: " +
                "apt-get install chromium (bash tests/run.sh installs it when run as root), " +
                "or set CHROMIUM_PATH to another Chromium-based browser.");
        }

        var result = SiteBuilder.Build(new BuildOptions(Repo.Root, Output, new Uri("http://127.0.0.1" + BasePath), false, new DateOnly(2026, 11, 26)));
        if (result.Failed)
        {
            throw new InvalidOperationException("The real site did not build:\n" + string.Join('\n', result.Diagnostics));
        }

        server = await StaticSiteServer.StartAsync(Output, BasePath);
        playwright = await Playwright.CreateAsync();
        browser = await Chromium.LaunchAsync(playwright, 30_000);
    }

    /// <summary>
    /// A new page in a fresh browser context (no cookies, storage or history shared with other
    /// tests), recording every request it makes and every console error and uncaught exception.
    /// </summary>
    /// <param name="width">Viewport width in CSS pixels.</param>
    /// <param name="height">Viewport height in CSS pixels.</param>
    /// <param name="readerStyles">True to let the test add its own styles, as a reader's browser settings or
    /// extensions may, which the site's Content-Security-Policy would otherwise refuse.</param>
    public async Task<BrowserSession> OpenAsync(int width = 1280, int height = 800, bool readerStyles = false)
    {
        var running = browser ?? throw new InvalidOperationException("The browser fixture did not start.");
        var context = await running.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-GB",
            ServiceWorkers = ServiceWorkerPolicy.Block,
            BypassCSP = readerStyles,
        });
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(15_000);
        return await BrowserSession.StartAsync(context);
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (browser is not null) await browser.CloseAsync();
            playwright?.Dispose();
            if (server is not null) await server.DisposeAsync();
        }
        finally
        {
            try
            {
                if (Directory.Exists(Output)) Directory.Delete(Output, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder; the OS cleans up what a test could not.
            }
        }
    }
}

/// <summary>One page in its own browser context, with what it requested and what went wrong in it.</summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly List<string> requests = [];
    private readonly List<string> errors = [];
    private readonly Lock gate = new();

    private BrowserSession(IBrowserContext context)
    {
        Context = context;
        context.Request += (_, request) =>
        {
            lock (gate) requests.Add(request.Url);
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; private set; } = null!;

    /// <summary>Every URL requested by the page so far (documents, styles, scripts, fetches), in order.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (gate) return requests.ToList();
        }
    }

    /// <summary>Every console error and uncaught exception so far.</summary>
    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (gate) return errors.ToList();
        }
    }

    internal static async Task<BrowserSession> StartAsync(IBrowserContext context)
    {
        var session = new BrowserSession(context);
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type != "error") return;
            // Chromium asks for /favicon.ico at the host's root by itself (the page does not link an
            // icon); under a project base path that is outside the site, so its 404 is not the site's.
            if (new Uri(page.Url).GetLeftPart(UriPartial.Authority) + "/favicon.ico" is var icon
                && message.Location.StartsWith(icon, StringComparison.Ordinal)) return;
            lock (session.gate) session.errors.Add($"console error on {page.Url}: {message.Text} ({message.Location})");
        };
        page.PageError += (_, error) =>
        {
            lock (session.gate) session.errors.Add($"uncaught error on {page.Url}: {error}");
        };
        session.Page = page;
        return session;
    }

    /// <summary>Goes to <paramref name="url"/>, waits for the load event, and checks the status.</summary>
    public async Task<IResponse> GoToAsync(Uri url, int expectedStatus = 200)
    {
        var response = await Page.GotoAsync(url.AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load })
            ?? throw new InvalidOperationException($"No response for {url}.");
        Assert.True(response.Status == expectedStatus, $"{url} answered {response.Status}, expected {expectedStatus}.");
        return response;
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
