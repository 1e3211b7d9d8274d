using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Lscb.Site.Core;

/// <summary>
/// A lookup of the site model that records what a page looks up in it: one key (a read of that
/// entry alone) or the whole of it (enumerating, counting).
/// </summary>
/// <typeparam name="TValue">What the keys lead to.</typeparam>
/// <param name="name">The lookup's name in read keys, e.g. "CasesByTheme".</param>
/// <param name="inner">The entries.</param>
/// <param name="select">The same lookup in another build's content.</param>
public sealed class RecordedDictionary<TValue>(string name, IReadOnlyDictionary<string, TValue> inner, Func<IReadSource, IReadOnlyDictionary<string, TValue>> select)
    : IReadOnlyDictionary<string, TValue>
{
    private const string Whole = "\0all";

    /// <summary>The entries, read without recording: for the model's own work.</summary>
    public IReadOnlyDictionary<string, TValue> Inner => inner;

    /// <inheritdoc />
    public TValue this[string key]
    {
        get
        {
            Entry(key);
            return inner[key];
        }
    }

    /// <inheritdoc />
    public IEnumerable<string> Keys => All().Keys;

    /// <inheritdoc />
    public IEnumerable<TValue> Values => All().Values;

    /// <inheritdoc />
    public int Count => All().Count;

    /// <inheritdoc />
    public bool ContainsKey(string key)
    {
        Entry(key);
        return inner.ContainsKey(key);
    }

    /// <inheritdoc />
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out TValue value)
    {
        Entry(key);
        return inner.TryGetValue(key, out value);
    }

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, TValue>> GetEnumerator() => All().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Entry(string key)
    {
        if (Reads.IsNew(this, key)) Reads.Query($"{name}[{key}]", s => select(s).TryGetValue(key, out var v) ? v : Reads.Missing.Value);
    }

    private IReadOnlyDictionary<string, TValue> All()
    {
        if (Reads.IsNew(this, Whole)) Reads.Query(name, s => select(s));
        return inner;
    }
}

/// <summary>A set of the site model that records what a page asks of it: one member, or the whole set.</summary>
/// <param name="name">The set's name in read keys, e.g. "Hidden".</param>
/// <param name="inner">The members.</param>
/// <param name="select">The same set in another build's content.</param>
public sealed class RecordedSet(string name, IReadOnlySet<string> inner, Func<IReadSource, IReadOnlySet<string>> select) : IReadOnlySet<string>
{
    private const string Whole = "\0all";

    /// <summary>The members, read without recording: for the model's own work.</summary>
    public IReadOnlySet<string> Inner => inner;

    /// <inheritdoc />
    public int Count => All().Count;

    /// <inheritdoc />
    public bool Contains(string item)
    {
        if (Reads.IsNew(this, item)) Reads.Query($"{name}[{item}]", s => select(s).Contains(item));
        return inner.Contains(item);
    }

    /// <inheritdoc />
    public IEnumerator<string> GetEnumerator() => All().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    public bool IsProperSubsetOf(IEnumerable<string> other) => All().IsProperSubsetOf(other);

    /// <inheritdoc />
    public bool IsProperSupersetOf(IEnumerable<string> other) => All().IsProperSupersetOf(other);

    /// <inheritdoc />
    public bool IsSubsetOf(IEnumerable<string> other) => All().IsSubsetOf(other);

    /// <inheritdoc />
    public bool IsSupersetOf(IEnumerable<string> other) => All().IsSupersetOf(other);

    /// <inheritdoc />
    public bool Overlaps(IEnumerable<string> other) => All().Overlaps(other);

    /// <inheritdoc />
    public bool SetEquals(IEnumerable<string> other) => All().SetEquals(other);

    // A set is compared in a stable order, whatever order its hashing gives.
    private IReadOnlySet<string> All()
    {
        if (Reads.IsNew(this, Whole)) Reads.Query(name, s => select(s).Order(StringComparer.Ordinal).ToList());
        return inner;
    }
}
