using Lscb.Site.Build;

namespace Lscb.Site.Cli;

/// <summary>
/// What a command line asks for, as <see cref="CommandParser"/> understood it: one of the records
/// nested here, which <see cref="CommandRunner"/> runs. A mistake in the command line is a
/// <see cref="UsageError"/>, never an exception.
/// </summary>
internal abstract record ParsedCommand
{
    private ParsedCommand()
    {
    }

    /// <summary>Print the usage: asked for (<c>--help</c>, exit 0), or because no command was given (exit 2).</summary>
    internal sealed record ShowUsage(bool Asked) : ParsedCommand;

    /// <summary>Print one command's usage and options (<c>Site build --help</c>), exit 0.</summary>
    internal sealed record ShowVerbHelp(string Verb) : ParsedCommand;

    /// <summary>Print the generator's version (<c>Site --version</c>), exit 0.</summary>
    internal sealed record ShowVersion : ParsedCommand;

    /// <summary>The command line is wrong; <paramref name="Message"/> says how (exit 2).</summary>
    internal sealed record UsageError(string Message) : ParsedCommand;

    /// <summary><c>build</c>: validate and write the site.</summary>
    internal sealed record BuildSite(BuildOptions Options) : ParsedCommand;

    /// <summary><c>check</c>: validate only, writing nothing.</summary>
    internal sealed record CheckSite(BuildOptions Options) : ParsedCommand;

    /// <summary><c>preview</c>: build, serve on <paramref name="Port"/> and rebuild on every save.</summary>
    internal sealed record PreviewSite(BuildOptions Options, int Port) : ParsedCommand;

    /// <summary><c>new KIND "Title"</c>: write a new draft page in the site folder <paramref name="Root"/>.</summary>
    internal sealed record NewPage(string Root, string Kind, string Title) : ParsedCommand;

    /// <summary><c>diff</c>, whose own arguments <see cref="DiffCommand"/> reads.</summary>
    internal sealed record DiffSites(IReadOnlyList<string> Arguments) : ParsedCommand;
}
