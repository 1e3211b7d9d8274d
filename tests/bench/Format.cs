using System.Globalization;

namespace Lscb.Site.Bench;

/// <summary>Numbers as the report writes them: sizes in decimal units (kB = 1000 bytes), memory in MiB.</summary>
internal static class Format
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Bytes(long bytes) => bytes switch
    {
        < 1_000 => string.Create(Inv, $"{bytes} B"),
        < 1_000_000 => string.Create(Inv, $"{bytes / 1e3:0.0} kB"),
        < 1_000_000_000 => string.Create(Inv, $"{bytes / 1e6:0.0} MB"),
        _ => string.Create(Inv, $"{bytes / 1e9:0.00} GB"),
    };

    public static string MiB(long kib) => string.Create(Inv, $"{kib / 1024.0:0} MiB");

    public static string Seconds(TimeSpan t) => t.TotalSeconds < 10
        ? string.Create(Inv, $"{t.TotalSeconds:0.00} s")
        : string.Create(Inv, $"{t.TotalSeconds:0.0} s");

    public static string Number(double n, string format = "0") => n.ToString(format, Inv);

    public static string Int(long n) => n.ToString("#,0", Inv);
}

/// <summary>Median and spread of repeated timings.</summary>
internal static class Stats
{
    public static TimeSpan Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0) return TimeSpan.Zero;
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static string MedianAndSpread(IReadOnlyList<TimeSpan> values) => values.Count switch
    {
        0 => "n/a",
        1 => $"{Format.Seconds(values[0])} (1 run)",
        _ => $"{Format.Seconds(Median(values))} ({Format.Seconds(values.Min())}–{Format.Seconds(values.Max())})",
    };
}
