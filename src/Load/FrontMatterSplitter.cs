using Lscb.Site.Core;

namespace Lscb.Site.Load;

/// <summary>
/// Splits a Markdown file into YAML front matter and body. The block must open on line 1 with
/// <c>---</c> and close with <c>---</c> (or <c>...</c>), as Markdig's YAML front matter extension
/// reads it. Done line by line here rather than by Markdig itself, because Markdig silently reads an
/// unclosed block as a horizontal rule, and staff need to be told the block was never closed.
/// </summary>
public static class FrontMatterSplitter
{
    /// <summary>The split parts, or null after reporting SCR002 or SCR003.</summary>
    public static (string Yaml, int YamlLine, string Body, int BodyLine)? Split(string text, string path, DiagnosticBag diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Report(DiagnosticCodes.NoFrontMatter, SourceSpan.StartOf(path),
                "this file is empty; it needs front matter between two '---' lines, then the text of the page");
            return null;
        }

        var firstEnd = text.IndexOf('\n', StringComparison.Ordinal);
        var first = firstEnd < 0 ? text.AsSpan() : text.AsSpan(0, firstEnd);
        if (!first.TrimEnd().SequenceEqual("---"))
        {
            diagnostics.Report(DiagnosticCodes.NoFrontMatter, SourceSpan.StartOf(path),
                "the file must start with front matter: a line '---', the settings such as 'title: ...', then another '---'");
            return null;
        }

        var line = 2;
        var position = firstEnd + 1;
        while (position <= text.Length && firstEnd >= 0)
        {
            var end = text.IndexOf('\n', position);
            var current = end < 0 ? text.AsSpan(position) : text.AsSpan(position, end - position);
            var trimmed = current.TrimEnd();
            if (trimmed.SequenceEqual("---") || trimmed.SequenceEqual("..."))
            {
                var yaml = text[(firstEnd + 1)..position];
                var body = end < 0 ? "" : text[(end + 1)..];
                return (yaml, 2, body, line + 1);
            }

            if (end < 0) break;
            position = end + 1;
            line++;
        }

        diagnostics.Report(DiagnosticCodes.FrontMatterNotClosed, SourceSpan.StartOf(path),
            "the front matter that starts on line 1 is never closed; add a line with just '---' after the last setting");
        return null;
    }
}
