using System.Text;
using Lscb.Site.Core;

namespace Lscb.Site.Validate;

/// <summary>One entry of the language list: phrases to avoid, what to write instead, and why.</summary>
/// <param name="Avoid">The phrases, matched as whole words in any case.</param>
/// <param name="Instead">The guidance's suggested wording.</param>
/// <param name="Why">One line: what is wrong with the phrase.</param>
/// <param name="Guide">The name of the guidance it comes from.</param>
public sealed record LanguageTerm(IReadOnlyList<string> Avoid, string Instead, string Why, string Guide);

/// <summary>
/// The Board's list of language about children that UK guidance on exploitation and abuse advises
/// against (<c>checks/language.yml</c>), compiled into one case-insensitive whole-word pattern.
/// A phrase's words may be split by any run of spaces or a line break, as Markdown wraps them.
/// </summary>
public sealed class LanguageList
{
    /// <summary>Where the list lives, relative to the site folder.</summary>
    public const string FilePath = "checks/language.yml";

    // First word of each phrase (any case) to the phrases starting with it, each as its words.
    private readonly Dictionary<string, List<(string[] Words, LanguageTerm Term)>> _byFirstWord = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<(string[] Words, LanguageTerm Term)>>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _phrases;
    private readonly int _shortest = int.MaxValue;
    private readonly int _longest;

    private LanguageList(IReadOnlyList<LanguageTerm> terms)
    {
        Terms = terms;
        _lookup = _byFirstWord.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var term in terms)
        {
            foreach (var phrase in term.Avoid)
            {
                var words = Key(phrase).Split(' ');
                if (!_byFirstWord.TryGetValue(words[0], out var list)) _byFirstWord[words[0]] = list = [];
                list.Add((words, term));
                _phrases++;
                _shortest = Math.Min(_shortest, words[0].Length);
                _longest = Math.Max(_longest, words[0].Length);
            }
        }

        // Longest first, so that "older boyfriend" wins over "boyfriend".
        foreach (var list in _byFirstWord.Values) list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
    }

    /// <summary>An empty list: no language is checked.</summary>
    public static LanguageList Empty { get; } = new([]);

    /// <summary>The entries, as written.</summary>
    public IReadOnlyList<LanguageTerm> Terms { get; }

    /// <summary>The phrases the list holds, in every entry.</summary>
    public int PhraseCount => _phrases;

    /// <summary>Reads the list; reports problems against <see cref="FilePath"/> and returns what could be read.</summary>
    public static LanguageList Read(string? text, DiagnosticBag diagnostics)
    {
        if (text is null) return Empty;
        var root = YamlParser.Parse(text, FilePath, 1, diagnostics);
        if (root is null) return Empty;
        var r = new FrontMatterReader(root, FilePath, 1, diagnostics);
        var guides = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in r.Mappings("sources", "a list of guides, each with 'id:', 'name:', 'publisher:' and 'year:'"))
        {
            var g = r.Nested(entry);
            var id = g.Text("id", required: true);
            var name = g.Text("name", required: true);
            g.Text("publisher", required: true);
            g.Text("year", required: true);
            g.Finish();
            if (id is not null && name is not null) guides[id] = name;
        }

        var terms = new List<LanguageTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in r.Mappings("terms", "a list of terms, each with 'avoid:', 'instead:', 'why:' and 'source:'"))
        {
            var t = r.Nested(entry);
            var avoid = t.TextList("avoid");
            if (avoid.Count == 0 && !t.Has("avoid")) diagnostics.Report(DiagnosticCodes.MissingKey, t.Start, "the required setting 'avoid' is missing; list the phrases to avoid, e.g. avoid: [child prostitute]");
            var instead = t.Text("instead", required: true);
            var why = t.Text("why", required: true);
            var source = t.OneOf("source", guides.Keys, required: true);
            t.Finish();
            foreach (var phrase in avoid.Where(p => !seen.Add(Key(p))))
                diagnostics.Report(DiagnosticCodes.DuplicateName, t.AtKey("avoid"), $"'{phrase}' is listed twice in the language list; keep it in one entry");
            if (avoid.Count > 0 && instead is not null && why is not null && source is not null)
                terms.Add(new LanguageTerm(avoid, instead, why, guides[source]));
        }

        r.Finish();
        return new LanguageList(terms);
    }

    /// <summary>Every listed phrase in <paramref name="text"/>, as warnings.</summary>
    /// <remarks>
    /// Word by word, with one look-up per word, rather than one regular expression of every phrase,
    /// which was far slower on the benchmark's largest sites. A word is a run of letters, digits,
    /// hyphens and apostrophes, so "ex-sex worker" is not "sex worker"; between a phrase's words
    /// only spaces and line breaks may stand.
    /// </remarks>
    public IEnumerable<Finding> Scan(string text)
    {
        if (_phrases == 0) return [];
        List<Finding>? found = null;
        var i = 0;
        while (NextWord(text, ref i, out var start))
        {
            if (i - start < _shortest || i - start > _longest || !_lookup.TryGetValue(text.AsSpan(start, i - start), out var candidates)) continue;
            foreach (var (words, term) in candidates)
            {
                if (!Follows(text, i, words, out var end)) continue;
                var value = Key(text[start..end]);
                (found ??= []).Add(new Finding(DiagnosticCodes.AvoidedLanguage, start, end - start,
                    $"'{value}' is language that UK guidance advises against ({term.Guide}): {char.ToLowerInvariant(term.Why[0])}{term.Why[1..].TrimEnd('.')}; write instead: {term.Instead}"));
                i = end;
                break;
            }
        }

        return found ?? [];
    }

    // The phrase's words after the first, each after only white space; end is where the last one ends.
    private static bool Follows(string text, int i, string[] words, out int end)
    {
        end = i;
        for (var w = 1; w < words.Length; w++)
        {
            var gap = end;
            while (gap < text.Length && text[gap] is ' ' or '\t' or '\n') gap++;
            if (gap == end) return false;
            var next = gap;
            if (!NextWord(text, ref next, out var start) || start != gap || !text.AsSpan(start, next - start).Equals(words[w], StringComparison.OrdinalIgnoreCase))
                return false;
            end = next;
        }

        return true;
    }

    // Vectorised searches for the edges of words: this runs over every character of the content.
    private static bool NextWord(string text, ref int i, out int start)
    {
        var span = text.AsSpan(i);
        var first = span.IndexOfAny(WordChars);
        if (first < 0)
        {
            start = i = text.Length;
            return false;
        }

        start = i + first;
        var length = span[first..].IndexOfAnyExcept(WordChars);
        i = length < 0 ? text.Length : start + length;
        return true;
    }

    // Letters, digits, hyphens and apostrophes make words. Letters outside ASCII split a word, which
    // is harmless: every phrase in the list is written in plain letters.
    private static readonly System.Buffers.SearchValues<char> WordChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-'’");

    private static string Key(string phrase) => Squash(phrase).ToLowerInvariant();

    private static string Squash(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var part in text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries))
            sb.Append(sb.Length > 0 ? " " : "").Append(part);
        return sb.ToString();
    }
}
