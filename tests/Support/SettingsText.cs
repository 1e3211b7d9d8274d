namespace Lscb.Site.Support;

/// <summary>
/// The text of a site's statiq.config, read line by line. The tests' small sites drop the real
/// settings' help lines (they name the real site's themes); the benchmark's synthetic sites move
/// them onto their own themes. Both find the block the same way here.
/// </summary>
internal static class SettingsText
{
    /// <summary>
    /// Where the <c>help_lines:</c> block is: the index of the key's line and the index just after the
    /// last indented line under it; null when the settings have no such key.
    /// </summary>
    public static (int Start, int End)? HelpLinesBlock(IReadOnlyList<string> lines)
    {
        for (var start = 0; start < lines.Count; start++)
        {
            if (!lines[start].StartsWith("help_lines:", StringComparison.Ordinal)) continue;
            var end = start + 1;
            while (end < lines.Count && lines[end].StartsWith(' ')) end++;
            return (start, end);
        }

        return null;
    }
}
