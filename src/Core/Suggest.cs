namespace Lscb.Site.Core;

/// <summary>"Did you mean" suggestions for misspelt slugs, keys and values.</summary>
public static class Suggest
{
    /// <summary>
    /// The closest candidate that looks like a slip of the keyboard, or null when nothing does.
    /// Names are compared word by word (the words between hyphens, slashes and dots): a candidate that
    /// differs in a short word ("child-t" and "child-n") or in a whole word ("child-criminal-exploitation"
    /// and "child-sexual-exploitation") names another child or another theme, and suggesting it would be
    /// worse than suggesting nothing.
    /// </summary>
    public static string? Closest(string value, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        // Allow roughly one slip per three characters, at least two: enough for typos, not for guesses.
        var limit = Math.Max(2, value.Length / 3);
        foreach (var candidate in candidates.Order(StringComparer.Ordinal))
        {
            var d = Distance(value.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance && d <= limit && IsSlip(value, candidate))
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary>True when every word that differs between the two is long enough to be misspelt, and only slightly misspelt.</summary>
    public static bool IsSlip(string value, string candidate)
    {
        var a = Words(value);
        var b = Words(candidate);
        // A word left out or added ("domesticabuse", "neglect-strategy" for "neglect") is a slip only
        // when the rest matches; compare the whole strings then.
        if (a.Length != b.Length) return a.Length + b.Length > 2 && Distance(string.Concat(a), string.Concat(b)) <= 2;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] == b[i]) continue;
            var longer = Math.Max(a[i].Length, b[i].Length);
            if (longer <= 2 || Distance(a[i], b[i]) > Math.Max(1, longer / 3)) return false;
        }

        return true;
    }

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split(['-', '_', '/', '.', ' '], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Appends "; did you mean 'x'?" when there is a close candidate.</summary>
    public static string DidYouMean(string value, IEnumerable<string> candidates) =>
        Closest(value, candidates) is { } hit ? $"; did you mean '{hit}'?" : "";

    /// <summary>"; did you mean 'x'?" for a slip, otherwise the valid choices (the first <paramref name="most"/>).</summary>
    public static string DidYouMeanOrChoices(string value, IReadOnlyCollection<string> candidates, int most = 20)
    {
        if (Closest(value, candidates) is { } hit) return $"; did you mean '{hit}'?";
        if (candidates.Count == 0) return "";
        var shown = candidates.Order(StringComparer.Ordinal).Take(most).ToList();
        return $"; the choices are: {string.Join(", ", shown)}" + (candidates.Count > most ? $" and {candidates.Count - most} more" : "");
    }

    /// <summary>Optimal string alignment distance: Levenshtein plus swapped neighbours.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }

        return d[a.Length, b.Length];
    }
}
