using System.Globalization;
using System.Text.RegularExpressions;

namespace Lscb.Site.Core;

/// <summary>A Board year such as "2015-16": 1 April 2015 to 31 March 2016.</summary>
public static partial class BoardYear
{
    /// <summary>The first calendar year of a Board year written "2015-16", or null when it is not written that way.</summary>
    public static int? StartOf(string text)
    {
        var m = Pattern().Match(text);
        if (!m.Success) return null;
        var start = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return (start + 1) % 100 == int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) ? start : null;
    }

    /// <summary>"April 2015 and March 2016" for "2015-16"; null when the text is not a Board year.</summary>
    public static string? Span(string text) =>
        StartOf(text) is { } start ? string.Create(CultureInfo.InvariantCulture, $"April {start} and March {start + 1}") : null;

    [GeneratedRegex(@"^(\d{4})-(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
