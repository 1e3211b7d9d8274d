namespace Lscb.Site.Core;

/// <summary>How serious a diagnostic is: errors fail the build, warnings are only reported.</summary>
public enum Severity
{
    /// <summary>Reported, but the build still succeeds.</summary>
    Warning,

    /// <summary>The build fails with exit status 1.</summary>
    Error,
}

/// <summary>A position in a source file, 1-based, for messages that staff can act on.</summary>
/// <param name="File">Path relative to the site root, with forward slashes.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
public sealed record SourceSpan(string File, int Line, int Column)
{
    /// <summary>The start of a file, for problems that belong to the file as a whole.</summary>
    public static SourceSpan StartOf(string file) => new(file, 1, 1);
}

/// <summary>One problem found in the content or settings.</summary>
public sealed record Diagnostic(Severity Severity, string Code, SourceSpan At, string Message)
{
    /// <summary>A diagnostic of a kind listed in <see cref="DiagnosticCodes"/>, with the severity the list gives it.</summary>
    public static Diagnostic Of(DiagnosticCode code, SourceSpan at, string message) => new(code.Severity, code.Code, at, message);

    /// <summary>The compiler-style line: <c>path(line,col): error CODE: message</c>.</summary>
    public override string ToString() =>
        $"{At.File}({At.Line},{At.Column}): {SeverityWord} {Code}: {Message}";

    /// <summary>The GitHub Actions workflow command that annotates the pull request's diff.</summary>
    public string ToWorkflowCommand() =>
        $"::{SeverityWord} file={EscapeProperty(At.File)},line={At.Line},col={At.Column}::{EscapeData($"{Code}: {Message}")}";

    private string SeverityWord => Severity == Severity.Error ? "error" : "warning";

    // The escaping rules of GitHub's workflow commands: data escapes %, CR and LF; properties also : and ,.
    private static string EscapeData(string s) =>
        s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string s) =>
        EscapeData(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}

/// <summary>A slug written in front matter or settings, with where it was written.</summary>
public sealed record SlugRef(string Slug, SourceSpan At);
