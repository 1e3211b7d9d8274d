using Lscb.Site.Core;

namespace Lscb.Site.Assemble;

/// <summary>Which pages readers may see on a given day.</summary>
/// <param name="IncludeDrafts">True for preview and <c>--drafts</c>.</param>
/// <param name="Today">The date in the Board's time zone; a case published after it is embargoed.</param>
public sealed record PublicationRules(bool IncludeDrafts, DateOnly Today)
{
    /// <summary>True when the item may appear anywhere on the site.</summary>
    public bool IsVisible(ContentItem item) =>
        (IncludeDrafts || !item.Draft) && (item is not CaseItem c || c.Published.Start <= Today);

    /// <summary>Today in the named time zone, falling back to UTC where the zone is unknown to the machine.</summary>
    public static DateOnly TodayIn(string timeZone, DateTimeOffset now)
    {
        try
        {
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).DateTime);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return DateOnly.FromDateTime(now.UtcDateTime);
        }
    }
}
