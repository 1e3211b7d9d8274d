using System.Globalization;

namespace Lscb.Site.Core;

/// <summary>
/// A date that may be known only to the month, as in "January 2017": the bulletin gives no day,
/// and the site must not invent one.
/// </summary>
public readonly record struct PartialDate(int Year, int Month, int? Day)
{
    /// <summary>The first day the date covers, used for embargoes and sorting.</summary>
    public DateOnly Start => new(Year, Month, Day ?? 1);

    /// <summary>Parses YYYY-MM-DD or YYYY-MM; false for anything else or a date that does not exist.</summary>
    public static bool TryParse(string text, out PartialDate date)
    {
        date = default;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            date = new PartialDate(full.Year, full.Month, full.Day);
            return true;
        }

        if (DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && text.Length == 7)
        {
            date = new PartialDate(month.Year, month.Month, null);
            return true;
        }

        return false;
    }

    /// <summary>ISO form, as written: 2017-01 or 2017-01-31.</summary>
    public override string ToString() =>
        Day is { } d ? Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>For readers: "January 2017" or "31 January 2017".</summary>
    public string ToDisplay() =>
        Start.ToString(Day is null ? "MMMM yyyy" : "d MMMM yyyy", CultureInfo.InvariantCulture);
}
