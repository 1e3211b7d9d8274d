using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Lscb.Site.Support;
using Microsoft.Playwright;

namespace Lscb.Site.Bench;

/// <summary>One saved edit of a case while the preview runs, timed from the moment the write completed.</summary>
/// <param name="Marker">The word written into the case's paragraph.</param>
/// <param name="ToEvent">Until the preview's event stream said a newer good build is served (the moment an open page reloads).</param>
/// <param name="ToPage">Until a GET of the case's page, sent after that event, returned HTML with the marker.</param>
/// <param name="InBrowser">Until Chromium, showing the case's page, had reloaded it (its load event) with the marker; null without a browser.</param>
/// <param name="Rebuilds">Rebuilds the save caused (messages on the event stream, good or failed).</param>
/// <param name="Printed">What the preview printed for them ("Rebuilt in 164 ms: 13 pages rendered, 18 unchanged.").</param>
/// <param name="StaleAfterEvent">True when the first GET after the event still returned the page without the marker.</param>
/// <param name="Stderr">What the preview printed on standard error for them (with SITE_TIMINGS=1, each phase's time).</param>
internal sealed partial record PreviewEdit(string Marker, TimeSpan ToEvent, TimeSpan ToPage, TimeSpan? InBrowser, int Rebuilds,
    string Printed, bool StaleAfterEvent, string Stderr)
{
    /// <summary>The preview's own figures for the first rebuild: milliseconds, pages rendered, pages unchanged.</summary>
    public (double Ms, int Rendered, int Unchanged)? Rebuilt
    {
        get
        {
            var m = RebuiltLine().Match(Printed);
            if (!m.Success) return null;
            int Int(int group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);
            return (Int(1), Int(2), Int(3));
        }
    }

    [GeneratedRegex(@"Rebuilt in (\d+) ms: (\d+) pages rendered, (\d+) unchanged", RegexOptions.CultureInvariant)]
    internal static partial Regex RebuiltLine();
}

/// <summary>The preview measured on one site.</summary>
internal sealed class PreviewResult
{
    /// <summary>The edited file and line, e.g. "input/cases/child-o.md line 17".</summary>
    public string Edited { get; set; } = "";

    /// <summary>From starting the process until it printed its address (the first build with drafts and search, then listening).</summary>
    public TimeSpan Ready { get; set; }

    /// <summary>The preview's line for its first build.</summary>
    public string FirstBuild { get; set; } = "";

    /// <summary>The first edit, not counted (the incremental path's first run, JIT included).</summary>
    public PreviewEdit? WarmUp { get; set; }

    public List<PreviewEdit> Edits { get; } = [];

    /// <summary>The preview process's own peak resident memory over the whole session.</summary>
    public long PeakKiB { get; set; }

    /// <summary>Peak of Pagefind's native binary under the preview.</summary>
    public long PagefindKiB { get; set; }

    /// <summary>Why the measurement stopped early, or null.</summary>
    public string? Error { get; set; }

    /// <summary>Why there is no browser figure, or null.</summary>
    public string? BrowserError { get; set; }

    /// <summary>How the preview stopped on SIGTERM ("exit 0, printed 'Preview stopped.'", or what went wrong).</summary>
    public string Stop { get; set; } = "";

    public TimeSpan MedianToPage => Stats.Median(Edits.Select(e => e.ToPage).ToList());
}

/// <summary>
/// Measures <c>preview</c> the way an author uses it: the frozen generator's <c>preview</c> verb is
/// started as its own process on a copy of the site, and once it prints its address, one line of a
/// case's body is edited and saved again and again. Each save is timed from the moment the write
/// completed until the preview's event stream (the one open pages follow to reload) announces the
/// new build, and until a GET of the case's page returns the new word; when Chromium is there, a
/// page showing the case is also timed until it has reloaded with the new word. Between saves the
/// harness waits until the preview is idle.
/// </summary>
internal sealed partial class PreviewMeter(string siteDll, string work, IReadOnlyDictionary<string, string> environment, Action<string> log)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);

    public async Task<PreviewResult> MeasureAsync(string site, string tag, int runs, bool browser)
    {
        var result = new PreviewResult();
        var copy = Path.Combine(work, $"preview-{tag}");
        if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true);
        Harness.CopyTree(site, copy);
        try
        {
            var edit = CaseEdit.Choose(copy);
            if (edit is null)
            {
                result.Error = "no case with a paragraph line to edit";
                return result;
            }

            result.Edited = $"{edit.Relative} line {edit.Line + 1}";
            await using var session = await Session.StartAsync(siteDll, copy, work, environment, result);
            if (session is null) return result;
            log($"  preview ready after {Format.Seconds(result.Ready)} ({result.FirstBuild}); editing {result.Edited}, 1 warm-up and {runs} timed save(s)");
            if (browser) await session.OpenBrowserAsync(edit.Url);
            if (result.BrowserError is not null) log($"  preview in Chromium: {result.BrowserError}");

            // Generous: a save rebuilds the whole site with search, and the machine is shared.
            var timeout = TimeSpan.FromSeconds(Math.Max(120, 5 * result.Ready.TotalSeconds));
            for (var i = 0; i <= runs; i++)
            {
                var marker = $"previewedit{i}";
                var timed = await session.EditAsync(edit, marker, timeout);
                if (timed is null) break;
                if (i == 0) result.WarmUp = timed;
                else result.Edits.Add(timed);
                log(string.Create(CultureInfo.InvariantCulture,
                    $"  preview {(i == 0 ? "warm-up" : $"edit {i}/{runs}")}: reload event {Ms(timed.ToEvent)}, page with the edit {Ms(timed.ToPage)}" +
                    $"{(timed.InBrowser is { } b ? $", reloaded in Chromium {Ms(b)}" : "")}; {timed.Rebuilds} rebuild(s): {timed.Printed}"));
            }

            await session.StopAsync();
            log($"  preview stopped: {result.Stop}; peak {Format.MiB(result.PeakKiB)}{(result.PagefindKiB > 0 ? $", Pagefind {Format.MiB(result.PagefindKiB)}" : "")}");
            return result;
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    private static string Ms(TimeSpan t) => string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0} ms");

    /// <summary>The case and the line of its body to edit: the first word of a paragraph line.</summary>
    internal sealed record CaseEdit(string Path, string Relative, string Url, string[] Lines, int Line, string Word)
    {
        /// <summary>The file's text with the word replaced by <paramref name="marker"/>.</summary>
        public string With(string marker)
        {
            var lines = (string[])Lines.Clone();
            lines[Line] = marker + lines[Line][Word.Length..];
            return string.Join('\n', lines);
        }

        /// <summary>The first case, in name order, that is published and not a draft (else any case) with a paragraph line.</summary>
        public static CaseEdit? Choose(string site)
        {
            var files = Directory.GetFiles(System.IO.Path.Combine(site, "input", "cases"), "*.md").Order(StringComparer.Ordinal).ToList();
            CaseEdit? fallback = null;
            foreach (var file in files)
            {
                var lines = File.ReadAllText(file).Split('\n');
                var end = Array.FindIndex(lines, 1, l => l.TrimEnd() == "---");
                if (lines.Length == 0 || lines[0].TrimEnd() != "---" || end < 0) continue;
                var line = Array.FindIndex(lines, end + 1, l => ParagraphWord().IsMatch(l));
                if (line < 0) continue;
                var name = System.IO.Path.GetFileNameWithoutExtension(file);
                var edit = new CaseEdit(file, System.IO.Path.GetRelativePath(site, file).Replace('\\', '/'), $"cases/{name}/", lines, line,
                    ParagraphWord().Match(lines[line]).Value);
                var front = lines[1..end];
                if (front.Any(l => l.StartsWith("publication: published", StringComparison.Ordinal)) && !front.Any(l => l.StartsWith("draft: true", StringComparison.Ordinal)))
                    return edit;
                fallback ??= edit;
            }

            return fallback;
        }
    }

    [GeneratedRegex(@"^[A-Za-z]{4,}(?=[ ,.;:])", RegexOptions.CultureInvariant)]
    private static partial Regex ParagraphWord();

    /// <summary>The running preview: its process, its output, its event stream and, optionally, a browser page.</summary>
    private sealed class Session : IAsyncDisposable
    {
        private readonly Stopwatch clock;
        private readonly Process process;
        private readonly ProcessMeter.TreeSampler sampler;
        private readonly PreviewResult result;
        private readonly TimedLines stdout = new();
        private readonly TimedLines stderr = new();
        private readonly Channel<(TimeSpan At, bool Ok, int Version)> events = Channel.CreateUnbounded<(TimeSpan, bool, int)>();
        private readonly Channel<TimeSpan> loads = Channel.CreateUnbounded<TimeSpan>();
        private readonly HttpClient http = new() { Timeout = Timeout.InfiniteTimeSpan };
        private readonly CancellationTokenSource closing = new();
        private readonly List<Task> readers = [];
        private Uri address = new("http://127.0.0.1/");
        private int version;
        private int messages;
        private TimeSpan lastMessage;
        private IPlaywright? playwright;
        private IBrowser? chromium;
        private IPage? page;

        private Session(Stopwatch clock, Process process, PreviewResult result)
        {
            this.clock = clock;
            this.process = process;
            this.result = result;
            sampler = new ProcessMeter.TreeSampler(process);
            readers.Add(stdout.ReadAsync(process.StandardOutput, clock));
            readers.Add(stderr.ReadAsync(process.StandardError, clock));
        }

        /// <summary>Starts the preview and waits until it prints its address and its event stream answers; null (and result.Error) when it did not.</summary>
        public static async Task<Session?> StartAsync(string siteDll, string root, string work, IReadOnlyDictionary<string, string> environment, PreviewResult result)
        {
            var clock = Stopwatch.StartNew();
            var process = ProcessMeter.Start("dotnet", [siteDll, "preview", "--root", root, "--port", "0", "--now", Harness.Now], work, environment);
            var session = new Session(clock, process, result);
            var ready = await session.WaitForAsync(() => session.stdout.Find(l => l.StartsWith("Previewing ", StringComparison.Ordinal)), TimeSpan.FromMinutes(30));
            if (ready is not { } line)
            {
                result.Error = $"the preview did not print its address: {session.Tail()}";
                await session.DisposeAsync();
                return null;
            }

            result.Ready = line.At;
            result.FirstBuild = session.stdout.Find(l => l.StartsWith("Rebuilt in ", StringComparison.Ordinal))?.Text ?? "";
            var printed = AddressPattern().Match(line.Text);
            if (!printed.Success)
            {
                result.Error = $"no address in '{line.Text}'";
                await session.DisposeAsync();
                return null;
            }

            // Kestrel listens on 127.0.0.1 only; "localhost" would try ::1 first.
            session.address = new UriBuilder(printed.Value) { Host = "127.0.0.1" }.Uri;
            session.readers.Add(session.FollowEventsAsync());
            try
            {
                using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var first = await session.events.Reader.ReadAsync(limit.Token);
                session.version = first.Version;
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException)
            {
                result.Error = $"the event stream sent nothing: {session.Tail()}";
                await session.DisposeAsync();
                return null;
            }

            return session;
        }

        /// <summary>Opens the case's page in headless Chromium and records every load; a failure only leaves the browser out.</summary>
        public async Task OpenBrowserAsync(string url)
        {
            if (!File.Exists(Chromium.Path))
            {
                result.BrowserError = $"no Chromium at {Chromium.Path}";
                return;
            }

            try
            {
                playwright = await Playwright.CreateAsync();
                chromium = await Chromium.LaunchAsync(playwright, 60_000);
                page = await chromium.NewPageAsync();
                await page.GotoAsync(new Uri(address, url).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 60_000 });
                // The page's script opens its event stream after the load; give it the time to connect.
                await page.WaitForTimeoutAsync(500);
                page.Load += (_, _) => loads.Writer.TryWrite(clock.Elapsed);
            }
            catch (PlaywrightException e)
            {
                result.BrowserError = "Chromium: " + e.Message.Split('\n')[0];
                page = null;
            }
        }

        /// <summary>Saves the edit and times it; null (and result.Error) when the preview did not show it.</summary>
        public async Task<PreviewEdit?> EditAsync(CaseEdit edit, string marker, TimeSpan timeout)
        {
            var url = new Uri(address, edit.Url);
            var text = edit.With(marker);
            var stderrBefore = stderr.Count;
            var stdoutBefore = stdout.Count;
            var messagesBefore = messages;
            // A late rebuild of the previous save is not this save's.
            while (events.Reader.TryRead(out var late)) version = Math.Max(version, late.Version);
            while (loads.Reader.TryRead(out _))
            {
            }

            await File.WriteAllTextAsync(edit.Path, text);
            var saved = clock.Elapsed;
            using var limit = new CancellationTokenSource(timeout);
            try
            {
                TimeSpan toEvent;
                while (true)
                {
                    var e = await events.Reader.ReadAsync(limit.Token);
                    if (!e.Ok)
                    {
                        result.Error = $"the edit with '{marker}' was reported as broken: {Tail()}";
                        return null;
                    }

                    if (e.Version > version)
                    {
                        version = e.Version;
                        toEvent = e.At - saved;
                        break;
                    }
                }

                var stale = false;
                TimeSpan toPage;
                while (true)
                {
                    var html = await http.GetStringAsync(url, limit.Token);
                    if (html.Contains(marker, StringComparison.Ordinal))
                    {
                        toPage = clock.Elapsed - saved;
                        break;
                    }

                    stale = true;
                    await Task.Delay(10, limit.Token);
                }

                var inBrowser = page is null ? (TimeSpan?)null : await BrowserReloadAsync(marker, saved, limit.Token);
                await SettleAsync(stderrBefore, messagesBefore, limit.Token);
                var printed = stdout.Since(stdoutBefore).Where(l => l.StartsWith("Rebuilt in ", StringComparison.Ordinal) || l.StartsWith("The edit has errors", StringComparison.Ordinal));
                return new PreviewEdit(marker, toEvent, toPage, inBrowser, messages - messagesBefore, string.Join(" / ", printed), stale,
                    string.Join('\n', stderr.Since(stderrBefore)));
            }
            catch (Exception e) when (e is OperationCanceledException or ChannelClosedException or HttpRequestException)
            {
                result.Error = $"the edit with '{marker}' was not shown within {timeout.TotalSeconds:0} s ({e.GetType().Name}){(process.HasExited ? $"; the preview exited ({process.ExitCode})" : "")}: {Tail()}";
                return null;
            }
        }

        /// <summary>The first load of the case's page in Chromium after the save that shows the marker.</summary>
        private async Task<TimeSpan?> BrowserReloadAsync(string marker, TimeSpan saved, CancellationToken cancel)
        {
            try
            {
                while (true)
                {
                    var at = await loads.Reader.ReadAsync(cancel);
                    if (at < saved) continue;
                    try
                    {
                        if (await page!.EvaluateAsync<bool>("m => document.body.textContent.includes(m)", marker)) return at - saved;
                    }
                    catch (PlaywrightException)
                    {
                        // Reloaded again while reading it (a second rebuild): the next load decides.
                    }
                }
            }
            catch (OperationCanceledException) when (!process.HasExited)
            {
                result.BrowserError = $"Chromium did not reload the page with '{marker}'";
                page = null;
                return null;
            }
        }

        /// <summary>
        /// Waits until every rebuild the save started has ended (each starts with a "timing: load"
        /// line, with SITE_TIMINGS=1, and ends with a message on the event stream) and nothing has
        /// been printed or sent for a second, so that the next save starts on an idle preview.
        /// </summary>
        private async Task SettleAsync(int stderrBefore, int messagesBefore, CancellationToken cancel)
        {
            while (true)
            {
                var started = stderr.Since(stderrBefore).Count(l => l.StartsWith("timing: load", StringComparison.Ordinal));
                var last = new[] { stdout.LastAt, stderr.LastAt, lastMessage }.Max();
                if (started <= messages - messagesBefore && clock.Elapsed - last >= Quiet) return;
                await Task.Delay(50, cancel);
            }
        }

        private async Task FollowEventsAsync()
        {
            try
            {
                using var response = await http.GetAsync(new Uri(address, "/__preview/events"), HttpCompletionOption.ResponseHeadersRead, closing.Token);
                await using var stream = await response.Content.ReadAsStreamAsync(closing.Token);
                using var reader = new StreamReader(stream);
                while (await reader.ReadLineAsync(closing.Token) is { } line)
                {
                    if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
                    var at = clock.Elapsed;
                    using var json = JsonDocument.Parse(line[6..]);
                    var ok = json.RootElement.GetProperty("ok").GetBoolean();
                    var v = json.RootElement.GetProperty("version").GetInt32();
                    lastMessage = at;
                    Interlocked.Increment(ref messages);
                    events.Writer.TryWrite((at, ok, v));
                }
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
            {
                // The preview stopped, or the harness did.
            }
            finally
            {
                events.Writer.TryComplete();
            }
        }

        /// <summary>Waits for a line, while the process runs.</summary>
        private async Task<(TimeSpan At, string Text)?> WaitForAsync(Func<(TimeSpan At, string Text)?> found, TimeSpan timeout)
        {
            var deadline = clock.Elapsed + timeout;
            while (clock.Elapsed < deadline)
            {
                if (found() is { } line) return line;
                if (process.HasExited) return found();
                await Task.Delay(10);
            }

            return null;
        }

        /// <summary>Stops the preview as Ctrl+C or a terminal would (SIGTERM) and records how it went.</summary>
        public async Task StopAsync()
        {
            await CloseBrowserAsync();
            var sent = ProcessMeter.Terminate(process);
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await process.WaitForExitAsync(limit.Token);
                await Task.WhenAll(readers.Take(2));
                RecordMemory();
                result.Stop = $"exit {process.ExitCode}{(sent ? " on SIGTERM" : " (SIGTERM could not be sent)")}, " +
                    (stdout.Find(l => l == "Preview stopped.") is not null ? "printed 'Preview stopped.'" : "without 'Preview stopped.'");
            }
            catch (OperationCanceledException)
            {
                result.Stop = "still running 30 s after SIGTERM: killed";
            }
        }

        private async Task CloseBrowserAsync()
        {
            if (chromium is not null) await chromium.DisposeAsync();
            chromium = null;
            playwright?.Dispose();
            playwright = null;
        }

        private void RecordMemory()
        {
            result.PeakKiB = sampler.PeakKiB;
            result.PagefindKiB = sampler.Descendants.Where(d => d.Key.StartsWith("pagefind", StringComparison.Ordinal)).Select(d => d.Value).DefaultIfEmpty(0).Max();
        }

        private string Tail()
        {
            var lines = stdout.Since(0).Concat(stderr.Since(0).Where(l => !l.StartsWith("timing:", StringComparison.Ordinal))).TakeLast(6);
            var killed = sampler.Killed is { } k ? $" ({k})" : "";
            return string.Join(" | ", lines) + killed;
        }

        public async ValueTask DisposeAsync()
        {
            await CloseBrowserAsync();
            await closing.CancelAsync();
            if (!process.HasExited) ProcessMeter.Kill(process);
            await process.WaitForExitAsync();
            sampler.Dispose();
            RecordMemory();
            try
            {
                await Task.WhenAll(readers);
            }
            catch (Exception e) when (e is OperationCanceledException or IOException)
            {
                // The streams were cut.
            }

            http.Dispose();
            closing.Dispose();
            process.Dispose();
        }
    }

    /// <summary>Lines a process prints, each with the time it was read.</summary>
    private sealed class TimedLines
    {
        private readonly List<(TimeSpan At, string Text)> lines = [];

        public int Count
        {
            get
            {
                lock (lines) return lines.Count;
            }
        }

        public TimeSpan LastAt
        {
            get
            {
                lock (lines) return lines.Count > 0 ? lines[^1].At : TimeSpan.Zero;
            }
        }

        public async Task ReadAsync(StreamReader reader, Stopwatch clock)
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                lock (lines) lines.Add((clock.Elapsed, line));
            }
        }

        public (TimeSpan At, string Text)? Find(Func<string, bool> match)
        {
            lock (lines)
            {
                foreach (var l in lines)
                {
                    if (match(l.Text)) return l;
                }
            }

            return null;
        }

        public List<string> Since(int index)
        {
            lock (lines) return lines.Skip(index).Select(l => l.Text).ToList();
        }
    }

    [GeneratedRegex(@"http://localhost:\d+/\S*", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();
}
