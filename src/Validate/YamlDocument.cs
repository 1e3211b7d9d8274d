using Lscb.Site.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Lscb.Site.Validate;

/// <summary>Parses a YAML text into a mapping, reporting syntax errors at the offending character.</summary>
public static class YamlDocument
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
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            var line = firstLine + (int)Math.Max(0, e.Start.Line - 1);
            var column = (int)Math.Max(1, e.Start.Column);
            if (FirstIndentTab(yaml) is { } tab)
            {
                // YamlDotNet reports a tab at the mapping it breaks, not at the tab itself.
                diagnostics.Error("SCR004", new SourceSpan(path, firstLine + tab.Line, tab.Column),
                    "a tab character is not allowed in front matter; use spaces instead");
                return null;
            }

            diagnostics.Error("SCR004", new SourceSpan(path, line, column), Explain(e, yaml));
            return null;
        }

        if (stream.Documents.Count == 0) return new YamlMappingNode();
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            diagnostics.Error("SCR004", new SourceSpan(path, firstLine + (int)second.Line - 1, (int)second.Column),
                "the front matter holds more than one YAML document; remove the extra '---' line");
            return null;
        }

        if (stream.Documents[0].RootNode is YamlMappingNode map) return map;
        if (stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return new YamlMappingNode();
        var at = stream.Documents[0].RootNode.Start;
        diagnostics.Error("SCR005", new SourceSpan(path, firstLine + (int)at.Line - 1, (int)at.Column),
            "the front matter must be a list of settings, one per line, each written 'key: value'");
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
