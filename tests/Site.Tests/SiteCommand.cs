using Lscb.Site.Cli;

namespace Lscb.Site.Tests;

/// <summary>The command line run inside the test process, as <see cref="SiteProcess"/> runs it as a process of its own.</summary>
internal static class SiteCommand
{
    /// <summary>Runs <c>Site ARGS</c> and returns its exit status and what it printed on standard output and standard error.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = CommandLine.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
