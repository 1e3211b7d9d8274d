using System.Text.RegularExpressions;
using Lscb.Site.Core;
using Lscb.Site.Load;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lscb.Site.Validate;

/// <summary>Parses a YAML text into a mapping, reporting syntax errors at the offending character.</summary>
public static partial class YamlParser
{
    /// <summary>
    /// The top-level mapping, an empty mapping for empty YAML, or null after reporting SCR004/SCR005.
    /// </summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="path">The file, for messages.</param>
    /// <param name="firstLine">The file line of the YAML's first line.</param>
    /// <param name="diagnostics">Where problems go.</param>
    public static YamlMappingNode? Parse(string yaml, string path, int firstLine, DiagnosticBag diagnostics)
    {
        // The YAML library reads nesting recursively; very deep nesting would overflow the stack,
        // which no handler can catch, so it is refused before loading.
        if (DeepestNesting(yaml) is { } deep)
        {
            diagnostics.Report(DiagnosticCodes.InvalidYaml, new SourceSpan(path, firstLine + deep.Line, deep.Column),
                $"the settings are nested more than {MaxNesting} levels deep here; front matter needs only simple lists such as [a, b]");
            return null;
        }

        yaml = AsMeant(yaml);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            // InvalidOperationException: YamlDotNet's scanner fails that way on some unclosed '[' lists.
            if (FirstIndentTab(yaml) is { } tab)
            {
                // YamlDotNet reports a tab at the mapping it breaks, not at the tab itself.
                diagnostics.Report(DiagnosticCodes.InvalidYaml, new SourceSpan(path, firstLine + tab.Line, tab.Column),
                    "a tab character is not allowed in front matter; use spaces instead");
                return null;
            }

            if ((Hint(yaml) ?? LineHint(yaml)) is { } hint)
            {
                // YamlDotNet often reports these at the start of the mapping, not at the value that broke it.
                diagnostics.Report(DiagnosticCodes.InvalidYaml, new SourceSpan(path, firstLine + hint.Line, hint.Column), hint.Message);
                return null;
            }

            if (e is YamlException y)
            {
                var line = firstLine + (int)Math.Max(0, y.Start.Line - 1);
                var column = (int)Math.Max(1, y.Start.Column);
                diagnostics.Report(DiagnosticCodes.InvalidYaml, new SourceSpan(path, line, column), Explain(y, yaml));
            }
            else
            {
                diagnostics.Report(DiagnosticCodes.InvalidYaml, new SourceSpan(path, firstLine, 1),
                    "the YAML could not be read; check the quotes, brackets, colons and indentation");
            }

            return null;
        }

        if (stream.Documents.Count == 0) return new YamlMappingNode();
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            diagnostics.Report(DiagnosticCodes.InvalidYaml, new SourceSpan(path, firstLine + (int)second.Line - 1, (int)second.Column),
                "the front matter holds more than one YAML document; remove the extra '---' line");
            return null;
        }

        foreach (var node in stream.Documents[0].AllNodes)
        {
            // An escape such as "\x01" in quotes makes a character no page or feed can hold.
            if (node is YamlScalarNode { Value: { } text } && TextDecoder.IndexOfForbidden(text) is var i and >= 0)
            {
                diagnostics.Report(DiagnosticCodes.InvalidYaml, new SourceSpan(path, firstLine + (int)node.Start.Line - 1, (int)node.Start.Column),
                    $"this value holds an invisible control character (U+{(int)text[i]:X4}), written with a '\\' escape; remove it");
                return null;
            }
        }

        if (stream.Documents[0].RootNode is YamlMappingNode map) return map;
        if (stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return new YamlMappingNode();
        var at = stream.Documents[0].RootNode.Start;
        diagnostics.Report(DiagnosticCodes.FrontMatterNotKeyValues, new SourceSpan(path, firstLine + (int)at.Line - 1, (int)at.Column),
            "the front matter must be a list of settings, one per line, each written 'key: value'");
        return null;
    }

    /// <summary>
    /// What an editor means that YAML reads otherwise, mended without moving any character, so that
    /// every position reported later is still right: a non-breaking space after a key's colon (pasted
    /// from a word processor) is a space; curly quotes around a whole value are quotes.
    /// </summary>
    internal static string AsMeant(string yaml)
    {
        if (!yaml.AsSpan().ContainsAny("\u00A0“”‘’")) return yaml;
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var m = KeyAndValue().Match(lines[i]);
            if (!m.Success) continue;
            var line = lines[i].ToCharArray();
            var colon = m.Groups["colon"].Index;
            if (colon + 1 < line.Length && line[colon + 1] == '\u00A0') line[colon + 1] = ' ';
            var value = m.Groups["value"];
            var text = value.Value.TrimEnd();
            var start = value.Index;
            var end = start + text.Length - 1;
            // “Child T: county lines” is "Child T: county lines", as long as nothing inside needs escaping.
            if (text.Length >= 2 && (text[0], text[^1]) is ('“', '”') or ('‘', '’') or ('“', '“') or ('”', '”'))
            {
                var inner = text[1..^1];
                if (!inner.Contains('"', StringComparison.Ordinal) && !inner.Contains('\\', StringComparison.Ordinal))
                {
                    line[start] = '"';
                    line[end] = '"';
                }
            }

            lines[i] = new string(line);
        }

        return string.Join('\n', lines);
    }

    /// <summary>
    /// A line that is not a setting although it sits among settings: a key with no space after its
    /// colon ("title:Child T"), or a line with no key at all, usually the end of the line above that
    /// an editor wrapped. Looked for only once parsing has failed.
    /// </summary>
    private static (int Line, int Column, string Message)? LineHint(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0 || line[0] is ' ' or '-' or '#' or '\t') continue;
            var m = NoSpaceAfterColon().Match(line);
            if (m.Success)
                return (i, m.Groups["after"].Index + 1,
                    $"put a space after the colon: write '{m.Groups["key"].Value}: {line[m.Groups["after"].Index..].TrimEnd()}'");
            if (!line.Contains(':', StringComparison.Ordinal) && i > 0 && KeyAndValue().IsMatch(lines[i - 1]))
                return (i, 1,
                    "this line is not a setting: it looks like the end of the line above, wrapped onto a new line; join it to the line above, so that the whole value is on one line");
        }

        return null;
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z_][A-Za-z0-9_-]*):(?<after>[^\s:/\u00A0])", RegexOptions.CultureInvariant)]
    private static partial Regex NoSpaceAfterColon();

    [GeneratedRegex(@"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_-]*(?<colon>:)[ \u00A0]+(?<value>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyAndValue();

    /// <summary>
    /// The first value that YAML reads as something other than the text staff meant: one starting with
    /// '*', '&amp;', '@', '`', '%', '|' or '&gt;'; a quoted value with text after its closing quote; a
    /// list in brackets with text after it, or never closed. Looked for only once parsing has failed.
    /// </summary>
    private static (int Line, int Column, string Message)? Hint(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var m = ValueOfLine().Match(lines[i]);
            if (!m.Success) continue;
            var value = m.Groups["value"].Value.TrimEnd();
            var column = m.Groups["value"].Index + 1;
            var key = m.Groups["key"].Success ? m.Groups["key"].Value + ": " : "- ";
            var quoted = value.Contains('"', StringComparison.Ordinal) ? $"'{value.Replace("'", "''", StringComparison.Ordinal)}'" : $"\"{value}\"";
            var first = value[0];
            if (first is '*' or '&' or '@' or '`' or '%' || (first is '|' or '>' && !BlockScalarHeader().IsMatch(value)))
                return (i, column, $"a value starting with '{first}' must be put in quotes, e.g. {key}{quoted}");

            if (first is '"' or '\'')
            {
                var end = ClosingQuote(value, first);
                if (end < 0 && ClosingQuote(string.Join('\n', lines[i..]).Substring(m.Groups["value"].Index), first) < 0)
                    return (i, column, $"the quote mark {first} at the start of this value is never closed; end the value with the same quote mark");
                if (end > 0 && !IsNothing(value[(end + 1)..]))
                    return (i, column, $"a value that starts with the quote mark {first} ends at the next {first}, so nothing may follow it; to use {first} inside the text, put the whole value in the other kind of quotes");
            }

            if (first is '[' or '{')
            {
                var close = first == '[' ? ']' : '}';
                var depth = 0;
                var end = -1;
                for (var j = 0; j < value.Length && end < 0; j++)
                {
                    if (value[j] == first) depth++;
                    else if (value[j] == close && --depth == 0) end = j;
                }

                if (end > 0 && !IsNothing(value[(end + 1)..]))
                    return (i, column, $"a value starting with '{first}' is read as a list; to write text, put it in quotes, e.g. {key}{quoted}");
                var rest = string.Join('\n', lines[i..]).Substring(m.Groups["value"].Index);
                if (end < 0 && rest.Count(ch => ch == first) > rest.Count(ch => ch == close))
                    return (i, column, $"the list that starts here with '{first}' is never closed; end it with '{close}', e.g. themes: [neglect, domestic-abuse]");
            }
        }

        return null;
    }

    private static int ClosingQuote(string value, char quote)
    {
        for (var j = 1; j < value.Length; j++)
        {
            if (quote == '"' && value[j] == '\\') j++;
            else if (value[j] == quote && quote == '\'' && j + 1 < value.Length && value[j + 1] == '\'') j++;
            else if (value[j] == quote) return j;
        }

        return -1;
    }

    private static bool IsNothing(string rest) => rest.Trim().Length == 0 || rest.TrimStart().StartsWith('#');

    [GeneratedRegex(@"^\s*(?:-\s+)?(?:(?<key>[A-Za-z_][A-Za-z0-9_-]*)\s*:\s+|-\s+)(?<value>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex ValueOfLine();

    [GeneratedRegex(@"^[|>][-+0-9]*\s*(#.*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex BlockScalarHeader();

    /// <summary>How deeply brackets may nest in front matter; real settings use one or two levels.</summary>
    public const int MaxNesting = 32;

    // Where '[' or '{' nesting first goes past the limit, outside quotes; a rough scan is enough,
    // since the limit is far beyond anything the content model uses.
    private static (int Line, int Column)? DeepestNesting(string yaml)
    {
        int depth = 0, line = 0, column = 0;
        var quote = '\0';
        foreach (var ch in yaml)
        {
            column++;
            if (ch == '\n')
            {
                line++;
                column = 0;
                quote = '\0';
                continue;
            }

            if (quote != '\0')
            {
                if (ch == quote) quote = '\0';
                continue;
            }

            switch (ch)
            {
                case '"' or '\'':
                    quote = ch;
                    break;
                case '[' or '{':
                    if (++depth > MaxNesting) return (line, column);
                    break;
                case ']' or '}':
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }

        return null;
    }

    private static (int Line, int Column)? FirstIndentTab(string yaml)
    {
        var lines = yaml.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent) return (i, tab + 1);
        }

        return null;
    }

    private static string Explain(YamlException e, string yaml)
    {
        var inner = e.InnerException?.Message ?? e.Message;
        if (inner.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase))
            return "this setting is written twice; keep only one of them";
        if (inner.Contains("mapping values are not allowed", StringComparison.OrdinalIgnoreCase)
            || inner.Contains("found invalid mapping", StringComparison.OrdinalIgnoreCase))
            return "the YAML is not valid here: a value that contains ': ' must be put in quotes, e.g. title: \"Child O: the review\"";
        return $"the YAML is not valid here ({inner.TrimEnd('.')}); check the quotes, colons and indentation";
    }
}
