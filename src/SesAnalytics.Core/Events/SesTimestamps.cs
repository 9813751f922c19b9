using System.Globalization;

namespace SesAnalytics.Core.Events;

/// <summary>
/// Reads the ISO-8601 times SES and SNS write (<c>2016-01-27T14:59:38.237Z</c>, emulators'
/// <c>2022-11-25T09:25:24.231419+00:00</c>) into UTC truncated to the millisecond. A time without an offset is UTC.
/// </summary>
internal static class SesTimestamps
{
    private const int LongestText = 40;

    /// <summary>
    /// The first time accepted: the Unix epoch, since stored records carry epoch seconds. Times from year 9999 on
    /// are refused too, so adding the retention period to an event's time cannot overflow.
    /// </summary>
    private static readonly DateTimeOffset Earliest = DateTimeOffset.UnixEpoch;

    private static readonly DateTimeOffset Latest = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd' 'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd' 'HH:mm:ssK",
    ];

    public static DateTimeOffset? Parse(string? text)
    {
        if (text is null || text.Length > LongestText)
        {
            return null;
        }

        if (!DateTimeOffset.TryParseExact(
                WithoutExcessDigits(text.Trim()),
                Formats,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var value)
            || value < Earliest
            || value >= Latest)
        {
            return null;
        }

        return EventTimestamps.Truncate(value);
    }

    /// <summary>
    /// .NET reads at most seven fractional digits; finer ones are dropped (the result is truncated anyway).
    /// </summary>
    private static string WithoutExcessDigits(string text)
    {
        const int DotPosition = 19;
        const int KeptDigits = 7;
        if (text.Length <= DotPosition + 1 + KeptDigits || text[DotPosition] != '.')
        {
            return text;
        }

        var end = DotPosition + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        var digits = end - DotPosition - 1;
        return digits <= KeptDigits ? text : string.Concat(text.AsSpan(0, DotPosition + 1 + KeptDigits), text.AsSpan(end));
    }
}
