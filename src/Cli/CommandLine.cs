using System.Diagnostics;
using System.Globalization;
using Lscb.Site.Build;
using Lscb.Site.Core;
using Lscb.Site.Preview;
using Lscb.Site.Validate;

namespace Lscb.Site.Cli;

/// <summary>The command line: <c>build</c>, <c>check</c>, <c>preview</c>, <c>new</c> and <c>diff</c>. Exit status 0 success, 1 content errors, 2 wrong usage.</summary>
public static class CommandLine
{
    private const string Usage = """
        Usage:
          Site build   [--output DIR] [--base-url URL] [--drafts] [--now YYYY-MM-DD] [--root DIR] [--no-search]
          Site check   [--drafts] [--now YYYY-MM-DD] [--root DIR]
          Site preview [--port N] [--base-url URL] [--now YYYY-MM-DD] [--root DIR]
          Site new case|theme|response "Title" [--root DIR]
          Site diff BASE_DIR HEAD_DIR [--diagnostics FILE] [--artifact NAME] [--output FILE]

          build    validate the content and write the site into output/ (or DIR)
          check    validate the content and settings only; writes nothing
          preview  build with drafts, serve it on http://localhost:N/, rebuild on every save
                   and reload open pages; Ctrl+C stops it
          new      write a new draft page with every required setting and the usual headings
          diff     compare two built sites by the text readers see, and write a summary in
                   Markdown of the pages added, changed and removed (for a pull request's reviewer)

          --output DIR     where the site is written (default: output/ in the site folder)
          --base-url URL   the address the site is served from, e.g. https://owner.github.io/repo/
                           (default: base_url in statiq.config)
          --drafts         include pages marked 'draft: true'
          --now DATE       judge embargoes as if today were DATE
          --root DIR       the site folder holding statiq.config and input/ (default: current folder)
          --port N         the preview's port (default 8080; 0 picks a free one)
          --no-search      build without the search index (the search page then finds nothing)
          --diagnostics F  (diff) include the messages that 'check' printed, saved in file F
          --artifact NAME  (diff) name the uploaded built site, for the reviewer to download
          --output F       (diff) append the summary to file F instead of printing it
        """;

    private static readonly string[] Verbs = ["build", "check", "preview", "new", "diff"];

    /// <summary>Runs the command line; returns the exit status.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var verb = args[0];
        if (!Verbs.Contains(verb))
            return Wrong(stderr, $"unknown command '{verb}'{Suggest.DidYouMean(verb, Verbs)}");
        if (verb == "diff") return DiffCommand.Run(args[1..], stdout, stderr);

        string? root = null, output = null;
        Uri? baseUrl = null;
        DateOnly? now = null;
        var drafts = false;
        var search = true;
        var port = 8080;
        var positional = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            var option = args[i];
            if (verb == "new" && !option.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(option);
                continue;
            }

            string Value() => i + 1 < args.Length ? args[++i] : throw new UsageException($"{option} needs a value");
            try
            {
                switch (option)
                {
                    case "--root": root = Value(); break;
                    case "--output" when verb == "build": output = Value(); break;
                    case "--port" when verb == "preview":
                        var p = Value();
                        port = int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 65535
                            ? n : throw new UsageException($"--port '{p}' must be a number from 0 to 65535");
                        break;
                    case "--base-url" when verb is "build" or "preview":
                        var text = Value();
                        baseUrl = ConfigReader.ParseBaseUrl(text) ?? throw new UsageException($"--base-url '{text}' must be a full address such as https://owner.github.io/repo/");
                        break;
                    case "--drafts" when verb is "build" or "check": drafts = true; break;
                    case "--no-search" when verb == "build": search = false; break;
                    case "--now" when verb != "new":
                        var date = Value();
                        now = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                            ? d : throw new UsageException($"--now '{date}' must be a date written YYYY-MM-DD");
                        break;
                    default:
                        throw new UsageException($"unknown option '{option}' for '{verb}'{Suggest.DidYouMean(option, ["--root", "--output", "--base-url", "--drafts", "--now", "--port", "--no-search"])}");
                }
            }
            catch (UsageException e)
            {
                return Wrong(stderr, e.Message);
            }
        }

        root = Path.GetFullPath(root ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(root)) return Wrong(stderr, $"the site folder '{root}' does not exist");

        if (verb == "new")
        {
            return positional.Count == 2
                ? NewCommand.Run(root, positional[0], positional[1], DateOnly.FromDateTime(DateTime.Now), stdout, stderr)
                : Wrong(stderr, "write it as: new case \"Child T\" (or new theme \"...\", new response \"...\")");
        }

        var options = new BuildOptions(root, Path.GetFullPath(output ?? Path.Combine(root, "output")), baseUrl, drafts, now) { SearchIndex = search };
        if (verb == "preview")
        {
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                // Ctrl+C stops the server cleanly instead of killing the process mid-write.
                e.Cancel = true;
                stop.Cancel();
            };
            return PreviewServer.RunAsync(options, port, stdout, stderr, stop.Token).GetAwaiter().GetResult();
        }

        var clock = Stopwatch.StartNew();
        BuildResult result;
        try
        {
            result = verb == "build" ? SiteBuilder.Build(options) : SiteBuilder.Check(options);
        }
        catch (Exception e) when (DiagnosticReport.FileProblem(e) is { } problem)
        {
            // A full disk, a folder that cannot be written, a file locked by another program: not a
            // mistake in the content, and nothing a stack trace would help with.
            stderr.WriteLine($"error: a file could not be read or written: {problem.Message}");
            stderr.WriteLine($"{verb} failed." + (verb == "build" ? " The previous site was left as it was." : ""));
            return 1;
        }

        DiagnosticReport.Print(result.Diagnostics, stderr);
        // So that nobody is surprised by a case that does not appear, or appears one day unasked.
        foreach (var (path, until) in result.Embargoed)
            stdout.WriteLine($"Embargoed: {path} is hidden until {until.ToDisplay()}.");
        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Count - errors;
        if (result.Failed)
        {
            stderr.WriteLine($"{verb} failed: {Count(errors, "error")}, {Count(warnings, "warning")}." +
                (verb == "build" ? " The previous site was left as it was." : ""));
            return 1;
        }

        stdout.WriteLine(verb == "build"
            ? $"Built {result.Site!.Paths.Count(p => p.EndsWith(".html", StringComparison.Ordinal))} pages into {options.Output} in {clock.ElapsedMilliseconds} ms ({Count(warnings, "warning")})."
            : $"Checked the content: no errors, {Count(warnings, "warning")}.");
        return 0;
    }

    private static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>Prints a usage mistake and where to read the usage; returns 2.</summary>
    internal static int Wrong(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        stderr.WriteLine("Run 'Site --help' for the commands and options.");
        return 2;
    }

    private sealed class UsageException(string message) : Exception(message);
}
