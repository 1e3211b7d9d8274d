using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using Lscb.Site.Build;
using Lscb.Site.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Lscb.Site.Preview;

/// <summary>
/// <c>preview</c>: builds the site with drafts into <c>.cache/preview</c>, serves it on localhost
/// (under the base path, when one is given), rebuilds when a watched file changes, and tells open
/// pages to reload. A broken edit is reported in the terminal and as an overlay in the browser, while
/// the last good pages stay served.
/// </summary>
public static class PreviewServer
{
    private const string Events = "/__preview/events";
    private const string Client = "/__preview/client.js";
    private const string Status = "/__preview/status";

    /// <summary>Runs until <paramref name="stop"/> is cancelled; returns the exit status.</summary>
    /// <param name="options">The site; its output and drafts settings are replaced by the preview's.</param>
    /// <param name="port">The port on 127.0.0.1; 0 picks a free one.</param>
    /// <param name="stdout">Where progress goes.</param>
    /// <param name="stderr">Where diagnostics go.</param>
    /// <param name="stop">Cancelled by Ctrl+C, or by a test.</param>
    /// <param name="started">Told the site's address once the first build is served.</param>
    public static async Task<int> RunAsync(BuildOptions options, int port, TextWriter stdout, TextWriter stderr, CancellationToken stop, Action<Uri>? started = null)
    {
        var basePath = options.BaseUrl?.AbsolutePath ?? "/";
        var state = new PreviewState();
        // A rebuild runs on a pool thread and waits there for its rendering workers, which need pool
        // threads of their own; the pool would otherwise add them only after a delay, stalling a save.
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount * 2 + 4), completion);
        var output = Path.Combine(options.Root, ".cache", "preview");

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        app.Run(context => Handle(context, state, output, basePath));
        try
        {
            await app.StartAsync(stop);
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: the preview could not listen on port {port}: {e.Message}; try another with --port");
            return 2;
        }

        // SIGTERM (and Ctrl+C, through the host) stop the application as well as the caller's token.
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(stop, app.Lifetime.ApplicationStopping);
        stop = stopping.Token;
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var siteUrl = new Uri($"http://localhost:{bound.Port}{basePath}");
        // Pages are published first and the search index follows in the background, so a saved edit
        // reloads as soon as its pages are written, however long indexing a large site takes.
        var buildOptions = options with { Output = output, BaseUrl = siteUrl, IncludeDrafts = true, SearchIndex = false };
        var session = new BuildSession();
        var search = new SearchRefresher(options.ThemeRoot, output, options.SearchIndex, stderr);
        var rebuild = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

        Rebuild(buildOptions, session, search, state, stdout, stderr);
        using var watchers = Watch(options, () => rebuild.Writer.TryWrite(true));
        stdout.WriteLine($"Previewing {siteUrl} (drafts included). Edit and save a file to rebuild; press Ctrl+C to stop.");
        started?.Invoke(siteUrl);

        try
        {
            while (await rebuild.Reader.WaitToReadAsync(stop))
            {
                // Editors often save in several steps (write, rename, touch): wait for them to settle.
                await Task.Delay(50, stop);
                while (rebuild.Reader.TryRead(out _))
                {
                }

                Rebuild(buildOptions, session, search, state, stdout, stderr);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Ctrl+C: stop serving and leave cleanly.
        }

        state.Close();
        await search.DisposeAsync();
        await app.StopAsync(CancellationToken.None);
        stdout.WriteLine("Preview stopped.");
        return 0;
    }

    private static void Rebuild(BuildOptions options, BuildSession session, SearchRefresher search, PreviewState state, TextWriter stdout, TextWriter stderr)
    {
        var clock = Stopwatch.StartNew();
        BuildResult result;
        try
        {
            result = SiteBuilder.Build(options, session);
        }
        catch (Exception e) when (DiagnosticReport.FileProblem(e) is { } problem)
        {
            // Most often a file caught half-saved; the next save event rebuilds again.
            state.Fail([$"a file could not be read or written ({problem.Message}); save it again"]);
            stderr.WriteLine($"error: a file could not be read or written: {problem.Message}");
            return;
        }

        DiagnosticReport.Print(result.Diagnostics, stderr);
        if (result.Failed)
        {
            state.Fail(result.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToString()).ToList());
            stderr.WriteLine("The edit has errors; the preview still shows the last version that built.");
            return;
        }

        state.Succeed();
        var pages = session.Pages;
        var (written, removed) = session.LastWrite;
        stdout.WriteLine($"Rebuilt in {clock.ElapsedMilliseconds} ms: {pages.Rendered} pages rendered, {pages.Reused} unchanged; {written} files written, {removed} removed.");
        search.Refresh(result.Site!);
    }

    private static Watchers Watch(BuildOptions options, Action changed)
    {
        var list = new List<FileSystemWatcher>();
        void Add(string dir, string filter, bool recursive)
        {
            if (!Directory.Exists(dir)) return;
            var w = new FileSystemWatcher(dir, filter) { IncludeSubdirectories = recursive, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            w.Changed += (_, _) => changed();
            w.Created += (_, _) => changed();
            w.Deleted += (_, _) => changed();
            w.Renamed += (_, _) => changed();
            w.EnableRaisingEvents = true;
            list.Add(w);
        }

        Add(Path.Combine(options.Root, "input"), "*", recursive: true);
        Add(options.Root, "statiq.config", recursive: false);
        // A source's local copy is published as its page's text.
        Add(Path.Combine(options.Root, "seeds"), "*", recursive: true);
        foreach (var folder in new[] { "scss", "js", "images" })
            Add(Path.Combine(options.ThemeRoot, "theme", folder), "*", recursive: true);
        return new Watchers(list);
    }

    /// <summary>
    /// True when a request names this machine as its host: localhost, 127.0.0.1 or [::1], with or
    /// without a port. Preview serves drafts, so a request for any other host (a web page in the
    /// editor's browser reaching the preview through DNS rebinding) is refused.
    /// </summary>
    public static bool IsLocalHost(string? host)
    {
        if (string.IsNullOrEmpty(host)) return false;
        var name = host.StartsWith('[') ? host[..(host.IndexOf(']') + 1)] : host.Split(':')[0];
        var port = host[name.Length..];
        if (port.Length > 0 && (port[0] != ':' || !port[1..].All(char.IsAsciiDigit) || port.Length == 1)) return false;
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name is "127.0.0.1" or "[::1]";
    }

    private static async Task Handle(HttpContext context, PreviewState state, string output, string basePath)
    {
        var path = context.Request.Path.Value ?? "/";
        context.Response.Headers.CacheControl = "no-store";
        if (!IsLocalHost(context.Request.Headers.Host))
        {
            context.Response.StatusCode = 403;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("The preview answers only requests addressed to this computer (localhost).");
            return;
        }

        switch (path)
        {
            case Events:
                await state.Stream(context);
                return;
            case Client:
                context.Response.ContentType = "text/javascript; charset=utf-8";
                await context.Response.WriteAsync(ClientScript);
                return;
            case Status:
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(state.Json());
                return;
        }

        if (!path.StartsWith(basePath, StringComparison.Ordinal))
        {
            if (path == "/" || path + "/" == basePath) context.Response.Redirect(basePath);
            else context.Response.StatusCode = 404;
            return;
        }

        var relative = Uri.UnescapeDataString(path[basePath.Length..]);
        if (relative.Split('/').Any(s => s is ".." || s.StartsWith('.')))
        {
            context.Response.StatusCode = 404;
            return;
        }

        var file = Path.Combine(output, relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative);
        if (Directory.Exists(file))
        {
            context.Response.Redirect(path + "/");
            return;
        }

        if (!File.Exists(file))
        {
            context.Response.StatusCode = 404;
            file = Path.Combine(output, "404.html");
            if (!File.Exists(file))
            {
                await WriteHtml(context, "<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Preview</title></head><body></body></html>", state);
                return;
            }
        }

        if (file.EndsWith(".html", StringComparison.Ordinal))
        {
            await WriteHtml(context, await File.ReadAllTextAsync(file), state);
            return;
        }

        context.Response.ContentType = ContentType(file);
        await context.Response.SendFileAsync(file);
    }

    // The reload script is added as the page is served, never written into the built site.
    private static Task WriteHtml(HttpContext context, string html, PreviewState state)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        var tag = $"<script type=\"module\" src=\"{Client}?v={state.Version}\"></script>";
        var at = html.LastIndexOf("</body>", StringComparison.Ordinal);
        return context.Response.WriteAsync(at < 0 ? html + tag : html.Insert(at, tag));
    }

    private static readonly FileExtensionContentTypeProvider Types = new()
    {
        Mappings = { [".mjs"] = "text/javascript", [".pf_meta"] = "application/octet-stream", [".pf_index"] = "application/octet-stream", [".pf_fragment"] = "application/octet-stream", [".pagefind"] = "application/octet-stream" },
    };

    private static string ContentType(string file) => Types.TryGetContentType(file, out var type) ? type : "application/octet-stream";

    /// <summary>The script added to every page served: tools/preview-client.mjs.</summary>
    private static readonly string ClientScript = EmbeddedText.Read("tools/preview-client.mjs");

    private sealed class Watchers(List<FileSystemWatcher> list) : IDisposable
    {
        public void Dispose()
        {
            foreach (var w in list) w.Dispose();
        }
    }
}
