using System.Globalization;
using Lscb.Site.Build;
using Lscb.Site.Core;
using Lscb.Site.Validate;

namespace Lscb.Site.Cli;

/// <summary>
/// Turns the arguments into a <see cref="ParsedCommand"/>, or into a
/// <see cref="ParsedCommand.UsageError"/> naming the first mistake: an unknown command or option, an
/// option another command has, a missing or malformed value, a site folder that does not exist.
/// Runs nothing and prints nothing.
/// </summary>
internal static class CommandParser
{
    private static readonly string[] Verbs = ["build", "check", "preview", "new", "diff"];

    private static readonly string[] Options = ["--root", "--output", "--base-url", "--drafts", "--now", "--port", "--no-search"];

    /// <summary>The command <paramref name="args"/> ask for; a relative <c>--root</c> or <c>--output</c> is taken from the current folder.</summary>
    public static ParsedCommand Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0) return new ParsedCommand.ShowUsage(Asked: false);
        if (args[0] is "-h" or "--help" or "help") return new ParsedCommand.ShowUsage(Asked: true);
        if (args[0] == "--version") return new ParsedCommand.ShowVersion();

        var verb = args[0];
        if (!Verbs.Contains(verb)) return new ParsedCommand.UsageError($"unknown command '{verb}'{Suggest.DidYouMean(verb, Verbs)}");
        // Asked for anywhere after the command, help wins over every other argument, right or wrong.
        if (args.Skip(1).Any(a => a is "-h" or "--help")) return new ParsedCommand.ShowVerbHelp(verb);
        if (verb == "diff") return new ParsedCommand.DiffSites(args.Skip(1).ToList());

        try
        {
            return ParseVerb(verb, args);
        }
        catch (UsageException e)
        {
            return new ParsedCommand.UsageError(e.Message);
        }
    }

    private static ParsedCommand ParseVerb(string verb, IReadOnlyList<string> args)
    {
        string? root = null, output = null;
        Uri? baseUrl = null;
        DateOnly? now = null;
        var drafts = false;
        var search = true;
        var port = 8080;
        var positional = new List<string>();
        for (var i = 1; i < args.Count; i++)
        {
            var option = args[i];
            if (verb == "new" && !option.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(option);
                continue;
            }

            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"{option} needs a value");
            switch (option)
            {
                case "--root": root = Value(); break;
                case "--output" when verb == "build": output = Value(); break;
                case "--port" when verb == "preview": port = Port(Value()); break;
                case "--base-url" when verb is "build" or "preview": baseUrl = BaseUrl(Value()); break;
                case "--drafts" when verb is "build" or "check": drafts = true; break;
                case "--no-search" when verb == "build": search = false; break;
                case "--now" when verb != "new": now = Date(Value()); break;
                default: throw new UsageException($"unknown option '{option}' for '{verb}'{Suggest.DidYouMean(option, Options)}");
            }
        }

        root = Path.GetFullPath(root ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(root)) throw new UsageException($"the site folder '{root}' does not exist");

        if (verb == "new")
        {
            return positional.Count == 2
                ? new ParsedCommand.NewPage(root, positional[0], positional[1])
                : throw new UsageException("write it as: new case \"Child T\" (or new theme \"...\", new response \"...\")");
        }

        var options = new BuildOptions(root, Path.GetFullPath(output ?? Path.Combine(root, "output")), baseUrl, drafts, now) { SearchIndex = search };
        return verb switch
        {
            "build" => new ParsedCommand.BuildSite(options),
            "check" => new ParsedCommand.CheckSite(options),
            _ => new ParsedCommand.PreviewSite(options, port),
        };
    }

    private static int Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 65535
            ? n : throw new UsageException($"--port '{text}' must be a number from 0 to 65535");

    private static Uri BaseUrl(string text) =>
        ConfigReader.ParseBaseUrl(text) ?? throw new UsageException($"--base-url '{text}' must be a full address such as https://owner.github.io/repo/");

    private static DateOnly Date(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d : throw new UsageException($"--now '{text}' must be a date written YYYY-MM-DD");

    /// <summary>A mistake found while reading the arguments; <see cref="Parse"/> turns it into a <see cref="ParsedCommand.UsageError"/>.</summary>
    private sealed class UsageException(string message) : Exception(message);
}
