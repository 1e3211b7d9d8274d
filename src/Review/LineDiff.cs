namespace Lscb.Site.Review;

/// <summary>A line-by-line comparison of two texts, as unified-diff hunks with a little context.</summary>
public static class LineDiff
{
    /// <summary>Longer texts than this (lines multiplied) are reported as changed without a line diff.</summary>
    public const int MaxCells = 4_000_000;

    /// <summary>
    /// The changed lines, each starting ' ' (kept, as context), '-' (removed) or '+' (added), with
    /// "..." between runs of change that are far apart; empty when the texts are equal; null when
    /// they are too long to compare line by line.
    /// </summary>
    public static List<string>? Unified(IReadOnlyList<string> before, IReadOnlyList<string> after, int context = 2)
    {
        if ((long)before.Count * after.Count > MaxCells) return null;
        var ops = Script(before, after);
        if (ops.All(o => o.Kind == ' ')) return [];

        // Keep each change with up to 'context' unchanged lines either side.
        var keep = new bool[ops.Count];
        for (var i = 0; i < ops.Count; i++)
        {
            if (ops[i].Kind == ' ') continue;
            for (var j = Math.Max(0, i - context); j <= Math.Min(ops.Count - 1, i + context); j++) keep[j] = true;
        }

        var result = new List<string>();
        for (var i = 0; i < ops.Count; i++)
        {
            if (!keep[i]) continue;
            if (result.Count > 0 && !keep[i - 1]) result.Add("...");
            result.Add(ops[i].Kind + ops[i].Line);
        }

        return result;
    }

    // The longest common subsequence of lines, then a walk that emits removals before additions.
    private static List<(char Kind, string Line)> Script(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var ops = new List<(char, string)>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                ops.Add((' ', a[x++]));
                y++;
            }
            else if (y >= b.Count || (x < a.Count && lcs[x + 1, y] >= lcs[x, y + 1]))
                ops.Add(('-', a[x++]));
            else
                ops.Add(('+', b[y++]));
        }

        return ops;
    }
}
