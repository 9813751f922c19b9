using System.Globalization;

namespace SesAnalytics.Core.Events;

/// <summary>The contract's one timestamp form: UTC, <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, finer digits truncated.</summary>
public static class EventTimestamps
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Drops everything finer than a millisecond and converts to UTC.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
    }

    /// <summary>The DynamoDB <c>monthYear</c> index value, e.g. <c>JANUARY_2026</c>.</summary>
    public static string MonthYear(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(utc.Month).ToUpperInvariant()}_{utc.Year}");
    }
}
