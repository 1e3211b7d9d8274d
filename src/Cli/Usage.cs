using System.Reflection;

namespace Lscb.Site.Cli;

/// <summary>The usage text, and how a mistake in the command line is reported.</summary>
internal static class Usage
{
    /// <summary>The commands and options, printed for <c>--help</c> and when no command is given.</summary>
    public const string Text = """
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

    /// <summary>
    /// One command's part of <see cref="Text"/>: its usage line, what it does, and the options it
    /// takes, so that the two can never disagree.
    /// </summary>
    public static string For(string verb)
    {
        var lines = Text.Split('\n');
        var usage = lines.First(l => l.StartsWith($"  Site {verb} ", StringComparison.Ordinal));
        var described = new List<string>();
        for (var i = Array.FindIndex(lines, l => l.StartsWith($"  {verb} ", StringComparison.Ordinal)); i >= 0 && i < lines.Length; i++)
        {
            if (described.Count > 0 && !lines[i].StartsWith("           ", StringComparison.Ordinal)) break;
            described.Add(lines[i]);
        }

        // An option belongs to the command whose usage line names it; diff's own are marked "(diff)".
        bool Named(string option) => usage.Contains($"[{option} ", StringComparison.Ordinal) || usage.Contains($"[{option}]", StringComparison.Ordinal);
        var options = lines.Where(l => l.StartsWith("  --", StringComparison.Ordinal) || (l.StartsWith("                   ", StringComparison.Ordinal)))
            .Aggregate(new List<List<string>>(), (groups, l) =>
            {
                if (l.StartsWith("  --", StringComparison.Ordinal)) groups.Add([l]);
                else if (groups.Count > 0) groups[^1].Add(l);
                return groups;
            })
            .Where(g => Named(g[0].Trim().Split(' ')[0]) && g[0].Contains("(diff)", StringComparison.Ordinal) == (verb == "diff"))
            .SelectMany(g => g);
        return string.Join('\n', new[] { "Usage:", usage, "" }.Concat(described).Concat(options.Any() ? options.Prepend("") : []));
    }

    /// <summary>The generator's version, as built.</summary>
    public static string Version =>
        typeof(Usage).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? typeof(Usage).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>Prints a usage mistake and where to read the usage; returns 2.</summary>
    public static int Wrong(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        stderr.WriteLine("Run 'Site --help' for the commands and options.");
        return 2;
    }
}
