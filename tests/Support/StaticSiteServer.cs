using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;

namespace Lscb.Site.Support;

/// <summary>
/// A built site served the way GitHub Pages serves a project site: Kestrel on 127.0.0.1 (a free
/// port), the folder under a base path such as "/lscb-learning/", index.html for directory URLs (a
/// directory URL without its trailing slash redirects to it), any file type (Pagefind's index files
/// have extensions no table knows), and the site's own 404.html, with status 404, for anything missing.
/// The browser tests (tests/Site.Tests/Browser) and the benchmark's search measurement (tests/bench,
/// QueryMeter) both serve the built site with it.
/// </summary>
internal sealed class StaticSiteServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly PhysicalFileProvider files;
    private readonly ConcurrentQueue<string> log;

    private StaticSiteServer(WebApplication app, PhysicalFileProvider files, Uri baseUrl, ConcurrentQueue<string> log)
    {
        this.app = app;
        this.files = files;
        BaseUrl = baseUrl;
        this.log = log;
    }

    /// <summary>The request line of every request served, in order, as a host's access log records it: "GET /path?query".</summary>
    public IReadOnlyList<string> RequestLog => log.ToArray();

    /// <summary>The site's root, e.g. http://127.0.0.1:41234/lscb-learning/ (always ends with a slash).</summary>
    public Uri BaseUrl { get; }

    /// <summary>Serves <paramref name="folder"/> under <paramref name="basePath"/> until disposed.</summary>
    public static async Task<StaticSiteServer> StartAsync(string folder, string basePath = "/lscb-learning/")
    {
        var root = Path.GetFullPath(folder);
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"Nothing to serve: {root} does not exist.");
        var requestPath = "/" + basePath.Trim('/');
        if (requestPath == "/") requestPath = "";

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = root, EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));

        var files = new PhysicalFileProvider(root);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        types.Mappings[".js"] = "text/javascript";
        var app = builder.Build();
        var log = new ConcurrentQueue<string>();
        app.Use(async (context, next) =>
        {
            log.Enqueue($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
            await next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files, RequestPath = requestPath, DefaultFileNames = ["index.html"] });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = requestPath,
            ContentTypeProvider = types,
            ServeUnknownFileTypes = true,
            DefaultContentType = "application/octet-stream",
        });
        var notFound = Path.Combine(root, "404.html");
        app.Run(async context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            if (!File.Exists(notFound)) return;
            context.Response.ContentType = "text/html; charset=utf-8";
            if (HttpMethods.IsHead(context.Request.Method)) return;
            await context.Response.SendFileAsync(notFound, context.RequestAborted);
        });

        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            files.Dispose();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new StaticSiteServer(app, files, new Uri(address.TrimEnd('/') + requestPath + "/"), log);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await app.StopAsync();
        }
        finally
        {
            await app.DisposeAsync();
            files.Dispose();
        }
    }
}
