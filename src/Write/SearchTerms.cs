using System.Text.Encodings.Web;
using System.Text.Json;
using Lscb.Site.Assemble;
using Lscb.Site.Core;

namespace Lscb.Site.Write;

/// <summary>
/// <c>search/terms.json</c>: what the search page needs to understand practitioners' words, made from
/// the glossary and the themes. Small (a few kB), fetched once by the search page beside Pagefind:
/// <list type="bullet">
/// <item><c>expand</c>: each name a reader may search with (an abbreviation, another name, a term, a
/// theme's other name), lower case, to the searches it stands for (the term's name, its other names and its themes' titles);</item>
/// <item><c>words</c>: the names' words, against which a mistyped word is corrected ("Did you mean");</item>
/// <item><c>names</c>: the names themselves, against which a mistyped phrase is corrected;</item>
/// <item><c>themes</c>: every theme's title and address, listed when a search finds nothing;</item>
/// <item><c>withheld</c>: each withheld review's title and address, so that its name finds its notice
/// page; nothing of it is in the search index, and nothing but its title is here.</item>
/// </list>
/// </summary>
public static class SearchTerms
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The site-relative path of the file.</summary>
    public const string Path = "search/terms.json";

    /// <summary>The file's text, ending with a newline.</summary>
    public static string Write(SiteModel site)
    {
        var expand = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        void Add(string name, string search)
        {
            var key = Normalise(name);
            if (key.Length == 0 || key == Normalise(search)) return;
            if (!expand.TryGetValue(key, out var set)) expand[key] = set = new SortedSet<string>(StringComparer.Ordinal);
            set.Add(search);
        }

        foreach (var term in site.Glossary)
        {
            // What the term leads to: the term itself, its other names (the words pages use: "took their
            // own life" for suicide), and the titles of its themes.
            var targets = site.ThemesOf(term.Themes.Select(t => t.Slug)).Select(t => t.Title).Concat(term.OtherNames).Prepend(term.Term).ToList();
            foreach (var name in term.Abbreviations.Concat(term.OtherNames).Append(term.Term))
                foreach (var target in targets) Add(name, target);
        }

        foreach (var theme in site.Themes)
            foreach (var name in theme.AlsoKnownAs) Add(name, theme.Title);

        var names = site.Glossary.SelectMany(t => t.OtherNames.Append(t.Term)).Concat(site.Themes.SelectMany(t => t.AlsoKnownAs.Append(t.Title)))
            .Select(Normalise).Where(n => n.Length >= 4).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var words = names.SelectMany(n => n.Split(' ')).Where(w => w.Length >= 4).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartObject("expand");
            foreach (var (name, searches) in expand)
            {
                json.WriteStartArray(name);
                foreach (var search in searches) json.WriteStringValue(search);
                json.WriteEndArray();
            }

            json.WriteEndObject();
            WriteStrings(json, "words", words);
            WriteStrings(json, "names", names);
            json.WriteStartArray("themes");
            foreach (var theme in site.Themes) Link(json, theme.Title, site.Href(site.UrlOf(theme)));
            json.WriteEndArray();
            json.WriteStartArray("withheld");
            foreach (var c in site.Cases.Where(c => c.Publication == Publication.Withheld)) Link(json, c.Title, site.Href(site.UrlOf(c)));
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>Lower case, letters and digits only, single spaces: how the search page compares words.</summary>
    public static string Normalise(string text)
    {
        var chars = text.ToLowerInvariant().Select(ch => char.IsLetterOrDigit(ch) ? ch : ' ').ToArray();
        return string.Join(' ', new string(chars).Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values) json.WriteStringValue(value);
        json.WriteEndArray();
    }

    private static void Link(Utf8JsonWriter json, string title, string url)
    {
        json.WriteStartObject();
        json.WriteString("title", title);
        json.WriteString("url", url);
        json.WriteEndObject();
    }
}
