using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace Lscb.Site.Core;

/// <summary>
/// Where a recorded read is looked up again: the content of a later build. The assembled site model
/// implements it; a read of a field is evaluated against the item with the same input path.
/// </summary>
public interface IReadSource
{
    /// <summary>The settings.</summary>
    SiteConfig Config { get; }

    /// <summary>The visible item read from this input file; null when there is none now.</summary>
    ContentItem? ItemAt(string path);
}

/// <summary>
/// One input a page read while it rendered: its key ("input/cases/child-o.md#Title",
/// "setting#ReviewTypes", "site#CasesUnder(neglect)") and how to find its value again in any build's
/// content, so that a later build can tell whether the page would come out the same.
/// </summary>
/// <param name="Key">What was read; unique within a page.</param>
/// <param name="Value">The value of the same input in the given content.</param>
public sealed record Read(string Key, Func<IReadSource, object?> Value)
{
    // The value in one build, kept on the read itself so that the pages sharing it look it up
    // without hashing its key: set by the render cache. One reference, so it is read whole.
    internal Tuple<int, string>? Cached { get; set; }

    // For a field: the item the cached value was read from. Items are immutable and preview hands
    // back the same object for a file that did not change, so the same object means the same value.
    internal ContentItem? Owner { get; set; }
}

/// <summary>
/// Records what is read from the content while a page (or the feed, sitemap or export) is made.
/// Every property of an item and of the settings, and every list and lookup of the site model, tells
/// the log of the page being made that it was read; nothing else has to declare what a page shows.
/// Nothing is recorded outside <see cref="Begin"/>, which is how a one-off build runs.
/// </summary>
public sealed class Reads
{
    private static readonly AsyncLocal<Reads?> CurrentLog = new();

    // Open logs in the whole process: while there are none, a read costs one field load.
    private static int _open;

    // Repeats are told apart first by the object read and the field's name, which costs no text.
    private readonly HashSet<(object Owner, string Field)> _seen = new(OwnerComparer.Instance);
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<Read> _reads = [];

    /// <summary>What was read, in the order first read.</summary>
    public IReadOnlyList<Read> All => _reads;

    /// <summary>Starts recording into <paramref name="log"/> (or, with null, stops recording) until the scope is disposed.</summary>
    public static Scope Begin(Reads? log)
    {
        Interlocked.Increment(ref _open);
        var previous = CurrentLog.Value;
        CurrentLog.Value = log;
        return new Scope(previous);
    }

    /// <summary>Reads made inside the scope are not recorded: for work whose result is recorded as one read.</summary>
    public static Scope Pause() => Begin(null);

    private static Reads? Current => Volatile.Read(ref _open) == 0 ? null : CurrentLog.Value;

    /// <summary>Records a read of one field of an item.</summary>
    /// <param name="item">The item read.</param>
    /// <param name="field">The property's name.</param>
    /// <param name="value">The property, taken from the same item of another build.</param>
    public static void Field<T>(T item, string field, Func<T, object?> value) where T : ContentItem
    {
        // Checked before anything is made: an index page reads the same fields of thousands of items.
        if (Current is not { } log || !log._seen.Add((item, field))) return;
        var path = item.Source.Path;
        log.Keep(new Read(path + "#" + field, s => s.ItemAt(path) is T now ? value(now) : Missing.Value) { Owner = item });
    }

    /// <summary>Records a read of one setting.</summary>
    public static void Setting(SiteConfig config, string name, Func<SiteConfig, object?> value)
    {
        if (Current is not { } log || !log._seen.Add((config, name))) return;
        log.Keep(new Read("setting#" + name, s => value(s.Config)));
    }

    /// <summary>
    /// True when a page is being recorded and has not yet read <paramref name="name"/> of
    /// <paramref name="owner"/>: then, and only then, the caller records it with <see cref="Query"/>.
    /// </summary>
    public static bool IsNew(object owner, string name) => Current is { } log && log._seen.Add((owner, name));

    /// <summary>
    /// Records a read of something the site model works out (a list, a lookup, a query with its
    /// arguments), named by <paramref name="key"/> across builds; call it when <see cref="IsNew"/> says so.
    /// </summary>
    /// <param name="key">What was read, e.g. "CasesUnder(neglect)".</param>
    /// <param name="value">The same read in another build's content.</param>
    /// <param name="owner">The item the value comes from alone, when it does (a page's body): the same item object in a later build has the same value.</param>
    public static void Query(string key, Func<IReadSource, object?> value, ContentItem? owner = null) =>
        Current?.Keep(new Read("site#" + key, value) { Owner = owner });

    /// <summary>True while some page is being recorded on this flow of work.</summary>
    public static bool Recording => Current is not null;

    private void Keep(Read read)
    {
        if (_keys.Add(read.Key)) _reads.Add(read);
    }

    /// <summary>
    /// A value as text that changes whenever the value does: items by their input path (their fields
    /// are reads of their own), lists element by element, records by their properties.
    /// </summary>
    public static string Describe(object? value)
    {
        var text = new System.Text.StringBuilder();
        Write(text, value, 0);
        return text.ToString();
    }

    private static void Write(System.Text.StringBuilder text, object? value, int depth)
    {
        if (depth > 8) throw new InvalidOperationException("a value read by a page nests too deeply to compare");
        switch (value)
        {
            case null:
                text.Append('\u2400');
                return;
            case Missing:
                text.Append('\u2205');
                return;
            case string s:
                text.Append('"').Append(s.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
                return;
            case ContentItem item:
                text.Append('@').Append(item.Source.Path);
                return;
            case IFormattable f when value.GetType().IsPrimitive || value is Enum or DateOnly or decimal:
                text.Append(f.ToString(null, CultureInfo.InvariantCulture));
                return;
            case bool or Uri or PartialDate or SlugRef or SourceSpan:
                text.Append(value);
                return;
            case IDictionary dictionary:
                text.Append('{');
                foreach (DictionaryEntry entry in dictionary)
                {
                    Write(text, entry.Key, depth + 1);
                    text.Append(':');
                    Write(text, entry.Value, depth + 1);
                    text.Append(',');
                }

                text.Append('}');
                return;
            case IEnumerable list:
                text.Append('[');
                foreach (var element in list)
                {
                    Write(text, element, depth + 1);
                    text.Append(',');
                }

                text.Append(']');
                return;
        }

        if (value is ITuple tuple)
        {
            text.Append('(');
            for (var i = 0; i < tuple.Length; i++)
            {
                Write(text, tuple[i], depth + 1);
                text.Append(',');
            }

            text.Append(')');
            return;
        }

        // Records of plain values (a help line, a dated status, a glossary term): each public property.
        text.Append(value.GetType().Name).Append('{');
        foreach (var property in value.GetType().GetProperties())
        {
            if (property.GetIndexParameters().Length > 0) continue;
            text.Append(property.Name).Append('=');
            Write(text, property.GetValue(value), depth + 1);
            text.Append(';');
        }

        text.Append('}');
    }

    /// <summary>The value of a read whose item or entry no longer exists.</summary>
    public sealed class Missing
    {
        /// <summary>The one instance.</summary>
        public static readonly Missing Value = new();

        private Missing()
        {
        }
    }

    /// <summary>Restores the recording that was in force before <see cref="Begin"/>.</summary>
    public readonly struct Scope(Reads? previous) : IDisposable
    {
        /// <inheritdoc />
        public void Dispose()
        {
            CurrentLog.Value = previous;
            Interlocked.Decrement(ref _open);
        }
    }

    private sealed class OwnerComparer : IEqualityComparer<(object Owner, string Field)>
    {
        public static readonly OwnerComparer Instance = new();

        public bool Equals((object Owner, string Field) x, (object Owner, string Field) y) =>
            ReferenceEquals(x.Owner, y.Owner) && string.Equals(x.Field, y.Field, StringComparison.Ordinal);

        public int GetHashCode((object Owner, string Field) obj) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Owner), StringComparer.Ordinal.GetHashCode(obj.Field));
    }
}
