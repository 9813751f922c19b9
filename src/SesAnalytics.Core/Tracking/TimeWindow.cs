namespace SesAnalytics.Core.Tracking;

/// <summary>A half-open UTC window: <see cref="From"/> inclusive, <see cref="To"/> exclusive.</summary>
public sealed record TimeWindow(DateTimeOffset From, DateTimeOffset To)
{
    /// <summary>Everything: used by metrics when no window is given.</summary>
    public static TimeWindow All { get; } = new(DateTimeOffset.UnixEpoch, new DateTimeOffset(9999, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public bool Contains(DateTimeOffset instant) => instant >= From && instant < To;
}
