using System.Diagnostics;
using System.Globalization;
using Lscb.Site.Build;
using Lscb.Site.Core;
using Lscb.Site.Preview;

namespace Lscb.Site.Cli;

/// <summary>
/// Runs a <see cref="ParsedCommand"/> and reports on it: diagnostics and failures to standard
/// error, progress and results to standard output. Returns the exit status: 0 success, 1 content
/// errors (or a file that could not be read or written), 2 wrong usage.
/// </summary>
internal static class CommandRunner
{
    /// <summary>Runs <paramref name="command"/>; returns the exit status.</summary>
    public static int Run(ParsedCommand command, TextWriter stdout, TextWriter stderr) => command switch
    {
        ParsedCommand.ShowUsage { Asked: true } => ShowUsage(stdout, 0),
        ParsedCommand.ShowUsage => ShowUsage(stderr, 2),
        ParsedCommand.ShowVerbHelp help => Write(stdout, Usage.For(help.Verb)),
        ParsedCommand.ShowVersion => Write(stdout, "Site " + Usage.Version),
        ParsedCommand.UsageError mistake => Usage.Wrong(stderr, mistake.Message),
        ParsedCommand.DiffSites diff => DiffCommand.Run(diff.Arguments, stdout, stderr),
        ParsedCommand.NewPage page => NewCommand.Run(page.Root, page.Kind, page.Title, DateOnly.FromDateTime(DateTime.Now), stdout, stderr),
        ParsedCommand.PreviewSite preview => Preview(preview, stdout, stderr),
        ParsedCommand.BuildSite build => BuildOrCheck("build", build.Options, stdout, stderr),
        ParsedCommand.CheckSite check => BuildOrCheck("check", check.Options, stdout, stderr),
        _ => throw new UnreachableException($"no runner for {command.GetType().Name}"),
    };

    private static int Write(TextWriter to, string text)
    {
        to.WriteLine(text);
        return 0;
    }

    private static int ShowUsage(TextWriter to, int status)
    {
        to.WriteLine(Usage.Text);
        return status;
    }

    private static int Preview(ParsedCommand.PreviewSite preview, TextWriter stdout, TextWriter stderr)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Ctrl+C stops the server cleanly instead of killing the process mid-write.
            e.Cancel = true;
            stop.Cancel();
        };
        return PreviewServer.RunAsync(preview.Options, preview.Port, stdout, stderr, stop.Token).GetAwaiter().GetResult();
    }

    private static int BuildOrCheck(string verb, BuildOptions options, TextWriter stdout, TextWriter stderr)
    {
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
}
