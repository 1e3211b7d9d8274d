using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Lscb.Site.Assets;

/// <summary>
/// Cuts from a compiled stylesheet the rules that can match nothing the site makes. GOV.UK
/// Frontend's component modules come whole, with variants the site never uses (summary cards,
/// inverse colours, input prefixes...); a selector is dropped when it needs a class that no string
/// in the generator (every Razor template's markup, the classes the C# code writes, such as the
/// Markdown renderer's) and no bundled script (with the GOV.UK components' own run-time classes)
/// contains as a word. Rules for classes the site uses stay whole, print and focus styles included.
/// Conservative on purpose: classes inside :not(), :is(), :has() or attribute selectors do not
/// count, a class with an escape in its name is kept, and a word ending in "-" or "_" (as in
/// <c>$"govuk-tag--{colour}"</c>) keeps every class it begins. Markdown cannot add classes (raw
/// HTML is off).
/// </summary>
internal static class UnusedStyles
{
    private static readonly Lazy<List<string>?> GeneratorStrings = new(ReadGeneratorStrings);

    /// <summary>
    /// The words in the generator's string literals and in the scripts, or null (cut nothing) when
    /// the generator's assembly cannot be read, as in a single-file build.
    /// </summary>
    public static HashSet<string>? UsedWords(IEnumerable<byte[]> scripts)
    {
        if (GeneratorStrings.Value is not { } strings) return null;
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in strings.Concat(scripts.Select(Encoding.UTF8.GetString)))
        {
            for (var i = 0; i < text.Length;)
            {
                if (!IsWordChar(text[i]))
                {
                    i++;
                    continue;
                }

                var start = i;
                while (i < text.Length && IsWordChar(text[i])) i++;
                words.Add(text[start..i]);
            }
        }

        return words;
    }

    /// <summary>The stylesheet without the rules and selectors that need a class not in <paramref name="used"/>.</summary>
    public static byte[] Cut(byte[] css, HashSet<string> used)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        var hasBom = css.AsSpan().StartsWith(bom);
        var text = Encoding.UTF8.GetString(hasBom ? css[3..] : css);
        var prefixes = used.Where(IsPrefix).ToList();
        bool IsUsed(string name) => name.Contains('\\', StringComparison.Ordinal) || used.Contains(name)
            || prefixes.Exists(p => name.StartsWith(p, StringComparison.Ordinal));

        string cut;
        try
        {
            cut = CutRules(text, IsUsed);
        }
        catch (FormatException)
        {
            return css; // not the CSS sass writes: better whole than broken
        }

        var bytes = Encoding.UTF8.GetBytes(cut);
        return hasBom ? [.. bom, .. bytes] : bytes;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c is '-' or '_';

    /// <summary>A word like "govuk-tag--" or "filter-": letters first, ending in "-" or "_".</summary>
    private static bool IsPrefix(string word) => char.IsLetter(word[0]) && word[^1] is '-' or '_';

    private static string CutRules(string css, Func<string, bool> isUsed)
    {
        var output = new StringBuilder(css.Length);
        var i = 0;
        while (i < css.Length)
        {
            var open = Find(css, i, c => c is '{' or ';' or '}');
            if (open < 0)
            {
                output.Append(css, i, css.Length - i);
                break;
            }

            if (css[open] == '}') throw new FormatException("unbalanced braces");
            var prelude = css[i..open];
            if (css[open] == ';')
            {
                output.Append(prelude).Append(';'); // @charset, @import, @layer a, b;
                i = open + 1;
                continue;
            }

            var close = BlockEnd(css, open);
            var body = css[(open + 1)..close];
            if (prelude.StartsWith('@'))
            {
                var name = new string(prelude.Skip(1).TakeWhile(c => char.IsLetter(c) || c == '-').ToArray());
                if (name is "media" or "supports" or "layer" or "container")
                {
                    var inner = CutRules(body, isUsed);
                    if (inner.Length > 0) output.Append(prelude).Append('{').Append(inner).Append('}');
                }
                else
                {
                    output.Append(css, i, close + 1 - i); // @font-face, @keyframes, @page...: kept whole
                }
            }
            else
            {
                var selectors = SplitTopLevel(prelude, ',').Where(s => ClassesOf(s).All(isUsed)).ToList();
                if (selectors.Count > 0) output.AppendJoin(',', selectors).Append('{').Append(body).Append('}');
            }

            i = close + 1;
        }

        return output.ToString();
    }

    /// <summary>The classes a selector needs: those outside brackets, parentheses and strings.</summary>
    private static List<string> ClassesOf(string selector)
    {
        var classes = new List<string>();
        var depth = 0;
        for (var i = 0; i < selector.Length; i++)
        {
            var c = selector[i];
            if (c is '"' or '\'')
            {
                i = StringEnd(selector, i);
            }
            else if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth--;
            }
            else if (c == '.' && depth == 0)
            {
                var start = i + 1;
                var end = start;
                while (end < selector.Length && (IsWordChar(selector[end]) || selector[end] == '\\'))
                    end += selector[end] == '\\' ? 2 : 1;
                end = Math.Min(end, selector.Length);
                classes.Add(selector[start..end]);
                i = end - 1;
            }
        }

        return classes;
    }

    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '"' or '\'') i = StringEnd(text, i);
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth--;
            else if (c == separator && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>The index of the first of the characters outside strings and comments, or -1.</summary>
    private static int Find(string css, int from, Func<char, bool> match)
    {
        for (var i = from; i < css.Length; i++)
        {
            var c = css[i];
            if (c is '"' or '\'') i = StringEnd(css, i);
            else if (c == '/' && i + 1 < css.Length && css[i + 1] == '*') i = CommentEnd(css, i);
            else if (match(c)) return i;
        }

        return -1;
    }

    /// <summary>The index of the brace closing the block opened at <paramref name="open"/>.</summary>
    private static int BlockEnd(string css, int open)
    {
        var depth = 0;
        for (var i = open; ; i = Find(css, i + 1, c => c is '{' or '}'))
        {
            if (i < 0) throw new FormatException("unclosed block");
            depth += css[i] == '{' ? 1 : -1;
            if (depth == 0) return i;
        }
    }

    private static int StringEnd(string text, int quote)
    {
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '\\') i++;
            else if (text[i] == text[quote]) return i;
        }

        throw new FormatException("unclosed string");
    }

    private static int CommentEnd(string css, int start)
    {
        var end = css.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return end < 0 ? throw new FormatException("unclosed comment") : end + 1;
    }

    private static List<string>? ReadGeneratorStrings()
    {
        var location = typeof(UnusedStyles).Assembly.Location;
        if (location.Length == 0 || !File.Exists(location)) return null;
        using var stream = File.OpenRead(location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var strings = new List<string>();
        for (var handle = MetadataTokens.UserStringHandle(1); !handle.IsNil; handle = metadata.GetNextHandle(handle))
            strings.Add(metadata.GetUserString(handle));
        return strings;
    }
}
