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

    /// <summary>Prints a usage mistake and where to read the usage; returns 2.</summary>
    public static int Wrong(TextWriter stderr, string message)
    {
        stderr.WriteLine($"error: {message}");
        stderr.WriteLine("Run 'Site --help' for the commands and options.");
        return 2;
    }
}
