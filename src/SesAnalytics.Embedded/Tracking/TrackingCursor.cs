using System.Globalization;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Embedded.Tracking;

/// <summary>Where a page ended: the last item's timestamp and key (the query's sort order).</summary>
internal readonly record struct TrackingCursor(long TimestampMs, string Key)
{
    public string ToPayload() => string.Create(CultureInfo.InvariantCulture, $"{TimestampMs}|{Key}");

    /// <summary>Reads a payload that <see cref="CursorProtector"/> verified; an unreadable one still is not a cursor.</summary>
    public static TrackingCursor Parse(string payload)
    {
        var separator = payload.IndexOf('|', StringComparison.Ordinal);
        if (separator <= 0 ||
            !long.TryParse(payload.AsSpan(0, separator), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var timestamp))
        {
            throw new InvalidNextTokenException();
        }

        return new TrackingCursor(timestamp, payload[(separator + 1)..]);
    }
}
