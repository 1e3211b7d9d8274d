using System.Globalization;
using Lscb.Site.Core;
using YamlDotNet.RepresentationModel;

namespace Lscb.Site.Validate;

/// <summary>
/// Reads typed values out of a YAML mapping, one key at a time, reporting every problem with the
/// file, line and column of the key or value, and never throwing. Call <see cref="Finish"/> last to
/// report the keys nobody asked for.
/// </summary>
public sealed class FrontMatterReader
{
    private readonly YamlMappingNode _map;
    private readonly string _path;
    private readonly int _lineOffset;
    private readonly DiagnosticBag _diagnostics;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly SourceSpan? _start;

    /// <summary>Reads <paramref name="map"/>, whose line 1 sits on file line <paramref name="firstLine"/>.</summary>
    public FrontMatterReader(YamlMappingNode map, string path, int firstLine, DiagnosticBag diagnostics)
    {
        _map = map;
        _path = path;
        _lineOffset = firstLine - 1;
        _diagnostics = diagnostics;
    }

    /// <summary>Where the whole block starts, for "missing key" messages: the opening '---' line, or line 1 of a settings file.</summary>
    public SourceSpan Start => _start ?? new(_path, Math.Max(1, _lineOffset), 1);

    /// <summary>The position of a node in the file.</summary>
    public SourceSpan At(YamlNode node) => new(_path, _lineOffset + (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>
    /// The front matter's own lines, when given: free text such as a title keeps a '#' that YAML
    /// would read as the start of a comment ("Child #7", "Learning about #CountyLines").
    /// </summary>
    public IReadOnlyList<string>? RawLines { get; init; }

    /// <summary>Free text, such as a title or summary: like <see cref="Text"/>, but a '#' after a space is part of it.</summary>
    public string? FreeText(string key, bool required)
    {
        var value = Text(key, required);
        if (value is null || RawLines is null || !_map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return value;
        if (node is not YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar || scalar.Start.Line != scalar.End.Line) return value;
        var index = (int)scalar.End.Line - 1;
        if (index < 0 || index >= RawLines.Count) return value;
        var line = RawLines[index];
        var end = Math.Min(line.Length, (int)scalar.End.Column - 1);
        var rest = line[end..];
        // YAML ended the value at " #": the rest of the line is what the editor wrote after it.
        return rest.TrimStart().StartsWith('#') ? (value + rest).Trim() : value;
    }

    /// <summary>Text; empty or whitespace-only text counts as missing.</summary>
    public string? Text(string key, bool required)
    {
        var node = Find(key, required);
        if (node is null) return null;
        if (node is not YamlScalarNode scalar)
        {
            Wrong(key, node, "a single line of text");
            return null;
        }

        var value = scalar.Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            if (required) _diagnostics.Report(DiagnosticCodes.EmptyValue, At(node), $"'{key}' is empty; write its text after the colon");
            return null;
        }

        return value;
    }

    /// <summary>true or false; <paramref name="fallback"/> when absent.</summary>
    public bool Flag(string key, bool fallback)
    {
        var node = Find(key, required: false);
        if (node is null) return fallback;
        if (node is YamlScalarNode { Value: { } v })
        {
            switch (v.Trim().ToLowerInvariant())
            {
                case "true": return true;
                case "false": return false;
            }
        }

        Wrong(key, node, "true or false");
        return fallback;
    }

    /// <summary>A date written YYYY-MM-DD, or YYYY-MM when the day is not known.</summary>
    public PartialDate? Date(string key, bool required)
    {
        var node = Find(key, required);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: { } v } && PartialDate.TryParse(v.Trim(), out var date)) return date;
        if (node is YamlScalarNode { Value: { } text } && System.Text.RegularExpressions.Regex.IsMatch(text.Trim(), @"^\d{4}-\d{2}(-\d{2})?$"))
        {
            _diagnostics.Report(DiagnosticCodes.InvalidDate, At(node), $"'{key}' is '{text.Trim()}', which is not a date that exists; check the month and day");
            return null;
        }

        _diagnostics.Report(DiagnosticCodes.InvalidDate, At(node),
            $"'{key}' must be a date written year-month-day, e.g. 2017-01-31 (or year-month, e.g. 2017-01, when the day is not known)");
        return null;
    }

    /// <summary>One of a fixed set of values, with a suggestion when it is close to one.</summary>
    public string? OneOf(string key, IReadOnlyCollection<string> allowed, bool required, DiagnosticCode? code = null)
    {
        code ??= DiagnosticCodes.NotAllowedValue;
        var value = Text(key, required);
        if (value is null) return null;
        if (allowed.Contains(value)) return value;
        var node = _map.Children[new YamlScalarNode(key)];
        _diagnostics.Report(code, At(node),
            $"'{value}' is not an allowed value of '{key}'{Suggest.DidYouMean(value, allowed)} (allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))})");
        return null;
    }

    /// <summary>A list of slugs, written <c>[a, b]</c> or one per line with <c>- </c>; a single slug is accepted as a list of one.</summary>
    public IReadOnlyList<SlugRef> Slugs(string key, bool required)
    {
        var node = Find(key, required);
        if (node is null) return [];
        var items = node switch
        {
            YamlSequenceNode seq => seq.Children.ToList(),
            YamlScalarNode { Value: null or "" } => [],
            // 'themes: neglect, domestic-abuse' is one piece of text, not two names.
            YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } text } when text.Contains(',', StringComparison.Ordinal) => null,
            YamlScalarNode scalar => [scalar],
            _ => null,
        };
        if (items is null)
        {
            Wrong(key, node, "a list of names, e.g. [neglect, domestic-abuse]");
            return [];
        }

        var result = new List<SlugRef>();
        foreach (var item in items)
        {
            if (item is not YamlScalarNode { Value: { } v } || v.Trim().Length == 0)
            {
                _diagnostics.Report(DiagnosticCodes.WrongKind, At(item), $"each item of '{key}' must be a single name, e.g. neglect");
                continue;
            }

            if (result.Any(r => r.Slug == v.Trim()))
            {
                _diagnostics.Report(DiagnosticCodes.ListedTwice, At(item), $"'{v.Trim()}' is listed twice in '{key}'");
                continue;
            }

            result.Add(new SlugRef(v.Trim(), At(item)));
        }

        if (required && result.Count == 0)
            _diagnostics.Report(DiagnosticCodes.MissingKey, At(node), $"'{key}' needs at least one item");
        return result;
    }

    /// <summary>A list of plain text items.</summary>
    public IReadOnlyList<string> TextList(string key)
    {
        var node = Find(key, required: false);
        if (node is null) return [];
        if (node is not YamlSequenceNode seq)
        {
            Wrong(key, node, "a list, one item per line starting with '- '");
            return [];
        }

        var result = new List<string>();
        foreach (var item in seq.Children)
        {
            if (item is YamlScalarNode { Value: { } v } && v.Trim().Length > 0) result.Add(v.Trim());
            else _diagnostics.Report(DiagnosticCodes.WrongKind, At(item), $"each item of '{key}' must be a line of text");
        }

        return result;
    }

    /// <summary>A list of small mappings, such as <c>history</c>; each is read with <see cref="Nested"/>.</summary>
    public IReadOnlyList<YamlMappingNode> Mappings(string key, string expected)
    {
        var node = Find(key, required: false);
        if (node is null) return [];
        if (node is not YamlSequenceNode seq)
        {
            Wrong(key, node, expected);
            return [];
        }

        var result = new List<YamlMappingNode>();
        foreach (var item in seq.Children)
        {
            if (item is YamlMappingNode map) result.Add(map);
            else _diagnostics.Report(DiagnosticCodes.WrongKind, At(item), $"each item of '{key}' must be {expected}");
        }

        return result;
    }

    /// <summary>A mapping of names to small mappings, such as <c>help_lines</c>; each is read with <see cref="Nested"/>.</summary>
    public IReadOnlyList<(string Key, YamlMappingNode Map, SourceSpan At)> NamedMappings(string key, string expected)
    {
        var node = Find(key, required: false);
        if (node is null) return [];
        if (node is not YamlMappingNode outer)
        {
            Wrong(key, node, expected);
            return [];
        }

        var result = new List<(string, YamlMappingNode, SourceSpan)>();
        foreach (var (k, v) in outer.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && v is YamlMappingNode map) result.Add((name, map, At(k)));
            else _diagnostics.Report(DiagnosticCodes.WrongKind, At(k), $"each entry of '{key}' must be {expected}");
        }

        return result;
    }

    /// <summary>The first and last file lines a key's value takes; (0, 0) when the key is absent.</summary>
    public (int First, int Last) LinesOf(string key)
    {
        if (!_map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return (0, 0);
        // A block ends where the next key starts, at column 1 of that line.
        var last = node.End.Column == 1 && node.End.Line > node.Start.Line ? node.End.Line - 1 : node.End.Line;
        return (_lineOffset + (int)node.Start.Line, _lineOffset + (int)last);
    }

    /// <summary>Where a missing setting goes, for a nested reader: "under 'samaritans'", "under this term".</summary>
    public string? Place { get; init; }

    /// <summary>A reader for a mapping nested in this one, reporting at the same file positions.</summary>
    public FrontMatterReader Nested(YamlMappingNode map, string? place = null) => new(map, _path, _lineOffset + 1, _diagnostics, At(map)) { Place = place };

    private FrontMatterReader(YamlMappingNode map, string path, int firstLine, DiagnosticBag diagnostics, SourceSpan start)
        : this(map, path, firstLine, diagnostics) => _start = start;

    /// <summary>A nested mapping of text to text, such as <c>review_types</c>.</summary>
    public IReadOnlyList<(string Key, string Value, SourceSpan At)> TextMap(string key, bool required)
    {
        var node = Find(key, required);
        if (node is null) return [];
        if (node is not YamlMappingNode map)
        {
            Wrong(key, node, "a list of 'name: text' lines, indented under it");
            return [];
        }

        var result = new List<(string, string, SourceSpan)>();
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: { } name } && v is YamlScalarNode { Value: { } text } && text.Trim().Length > 0)
                result.Add((name, text.Trim(), At(k)));
            else
                _diagnostics.Report(DiagnosticCodes.WrongKind, At(k), $"each entry of '{key}' must be written 'name: text'");
        }

        return result;
    }

    /// <summary>Reports every key that no reader asked for, with the nearest known key.</summary>
    public void Finish()
    {
        foreach (var key in _map.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (_known.Contains(name)) continue;
            if (key is not YamlScalarNode)
            {
                _diagnostics.Report(DiagnosticCodes.UnknownKey, At(key), $"a setting's name must be a plain word such as 'title' (allowed: {string.Join(", ", _known.Order(StringComparer.Ordinal))})");
                continue;
            }

            _diagnostics.Report(DiagnosticCodes.UnknownKey, At(key),
                $"'{name}' is not a setting this page can have{Suggest.DidYouMean(name, _known)} (allowed: {string.Join(", ", _known.Order(StringComparer.Ordinal))})");
        }
    }

    /// <summary>True when the key is written, even if empty.</summary>
    public bool Has(string key)
    {
        _known.Add(key);
        return _map.Children.ContainsKey(new YamlScalarNode(key));
    }

    /// <summary>The position of a key's value, or of the block when the key is absent.</summary>
    public SourceSpan AtKey(string key) =>
        _map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? At(node) : Start;

    private YamlNode? Find(string key, bool required)
    {
        _known.Add(key);
        if (_map.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            if (node is YamlScalarNode { Value: null } && !required) return null;
            if (node is YamlScalarNode { Value: null } && required)
            {
                _diagnostics.Report(DiagnosticCodes.EmptyValue, At(node), $"'{key}' is empty; write its value after the colon");
                return null;
            }

            return node;
        }

        if (required)
            _diagnostics.Report(DiagnosticCodes.MissingKey, Start, $"the required setting '{key}' is missing; add a line '{key}: ...' " +
                (Place ?? (_path == Load.SiteLoader.ConfigFile ? "to statiq.config" : "to the front matter")));
        return null;
    }

    private void Wrong(string key, YamlNode node, string expected) =>
        _diagnostics.Report(DiagnosticCodes.WrongKind, At(node), string.Create(CultureInfo.InvariantCulture, $"'{key}' must be {expected}"));
}
