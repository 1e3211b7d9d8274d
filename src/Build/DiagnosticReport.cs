using Lscb.Site.Core;

namespace Lscb.Site.Build;

/// <summary>How diagnostics and file-system failures reach a person: the one place the command line and preview both use.</summary>
public static class DiagnosticReport
{
    /// <summary>Prints diagnostics, and GitHub workflow commands too when running in GitHub Actions.</summary>
    public static void Print(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        ArgumentNullException.ThrowIfNull(writer);
        var github = string.Equals(Environment.GetEnvironmentVariable("GITHUB_ACTIONS"), "true", StringComparison.OrdinalIgnoreCase);
        foreach (var d in diagnostics)
        {
            writer.WriteLine(d.ToString());
            if (github) writer.WriteLine(d.ToWorkflowCommand());
        }
    }

    /// <summary>The file system's own failure behind <paramref name="e"/>, also when parallel work wrapped it; null for anything else.</summary>
    public static Exception? FileProblem(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException a when a.Flatten().InnerExceptions.All(i => FileProblem(i) is not null) => FileProblem(a.Flatten().InnerExceptions[0]),
        _ => null,
    };
}
