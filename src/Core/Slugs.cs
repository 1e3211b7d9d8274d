using System.Globalization;
using System.Text;


namespace Lscb.Site.Core;

/// <summary>Makes URL slugs from titles and file names.</summary>
public static class Slugs
{
    /// <summary>
    /// "Child T's review" becomes "child-ts-review", and "Ünïcode Child É" "unicode-child-e": a-z, 0-9
    /// and single hyphens, with accented letters written plainly.
    /// </summary>
    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019') continue;
            var lower = char.ToLowerInvariant(c);
            // Spelled out here, not by Unicode decomposition: the generator runs without ICU, where
            // string.Normalize leaves "Ü" as it is.
            var plain = lower < 128 ? null : Plain.GetValueOrDefault(lower);
            if (plain is not null) sb.Append(plain);
            else if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(lower);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }

        return sb.ToString().Trim('-');
    }

    // The letters of Latin-1 and Latin Extended-A that names are written with, in plain letters.
    private static readonly Dictionary<char, string> Plain = Build();

    private static Dictionary<char, string> Build()
    {
        var map = new Dictionary<char, string>();
        void Add(string letters, string plain)
        {
            foreach (var c in letters) map[c] = plain;
        }

        Add("àáâãäåāăą", "a");
        Add("çćĉċč", "c");
        Add("ďđð", "d");
        Add("èéêëēĕėęě", "e");
        Add("ĝğġģ", "g");
        Add("ĥħ", "h");
        Add("ìíîïĩīĭįı", "i");
        Add("ĵ", "j");
        Add("ķ", "k");
        Add("ĺļľŀł", "l");
        Add("ñńņňŉ", "n");
        Add("òóôõöøōŏő", "o");
        Add("ŕŗř", "r");
        Add("śŝşšș", "s");
        Add("ţťŧț", "t");
        Add("ùúûüũūŭůűų", "u");
        Add("ŵ", "w");
        Add("ýÿŷ", "y");
        Add("źżž", "z");
        Add("æ", "ae");
        Add("œ", "oe");
        Add("ß", "ss");
        Add("þ", "th");
        return map;
    }
}
