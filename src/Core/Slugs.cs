using System.Globalization;
using System.Text;

namespace Lscb.Site.Core;

/// <summary>Makes URL slugs from titles and file names.</summary>
public static class Slugs
{
    /// <summary>"Child T's review" becomes "child-ts-review": a-z, 0-9 and single hyphens.</summary>
    public static string From(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '\u2019') continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(lower);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }

        return sb.ToString().Trim('-');
    }
}
