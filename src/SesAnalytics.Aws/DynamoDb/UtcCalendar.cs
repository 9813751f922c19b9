using System.Globalization;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>UTC days, months and the text forms the tracking table keys use (<c>2026-01-13</c>, <c>2026-01</c>).</summary>
internal static class UtcCalendar
{
    public const string DayPattern = "yyyy-MM-dd";
    public const string MonthPattern = "yyyy-MM";

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static string DayText(DateOnly day) => day.ToString(DayPattern, CultureInfo.InvariantCulture);

    public static bool TryParseDay(string text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DayPattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public static DateTimeOffset MonthStartOf(DateTimeOffset instant)
    {
        var utc = instant.UtcDateTime;
        return new DateTimeOffset(utc.Year, utc.Month, 1, 0, 0, 0, TimeSpan.Zero);
    }

    public static string MonthText(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString(MonthPattern, CultureInfo.InvariantCulture);

    public static bool TryParseMonth(string text, out DateTimeOffset monthStart)
    {
        var ok = DateTime.TryParseExact(
            text,
            MonthPattern,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal,
            out var parsed);
        monthStart = ok ? new DateTimeOffset(parsed, TimeSpan.Zero) : default;
        return ok;
    }

    /// <summary>The first millisecond at or after <paramref name="instant"/> (stored times have millisecond precision).</summary>
    public static DateTimeOffset CeilingMillisecond(DateTimeOffset instant)
    {
        var truncated = Core.Events.EventTimestamps.Truncate(instant);
        return truncated.UtcTicks == instant.UtcTicks ? truncated : AddClamped(truncated, TimeSpan.FromMilliseconds(1));
    }

    /// <summary><paramref name="instant"/> plus <paramref name="span"/>, or the largest instant when that overflows.</summary>
    public static DateTimeOffset AddClamped(DateTimeOffset instant, TimeSpan span) =>
        DateTimeOffset.MaxValue.UtcTicks - instant.UtcTicks <= span.Ticks ? DateTimeOffset.MaxValue : instant + span;
}
