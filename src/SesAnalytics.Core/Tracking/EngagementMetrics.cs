namespace SesAnalytics.Core.Tracking;

/// <summary>
/// Counts and rates for a window. A rate is null, never 0, when its denominator is 0 or when no event other than
/// SEND exists for the window: "no data" is not "0%".
/// </summary>
public sealed record EngagementMetrics(
    EngagementCounts Counts,
    double? DeliveryRate,
    double? BounceRate,
    double? OpenRate,
    double? ClickRate,
    double? ComplaintRate)
{
    public static EngagementMetrics From(EngagementCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var anyOutcome = counts.EngagementEvents > 0;
        return new EngagementMetrics(
            counts,
            Rate(counts.Delivered, counts.Sent, anyOutcome),
            Rate(counts.Bounced, counts.Sent, anyOutcome),
            Rate(counts.Opened, counts.Delivered, anyOutcome),
            Rate(counts.Clicked, counts.Delivered, anyOutcome),
            Rate(counts.Complained, counts.Delivered, anyOutcome));
    }

    private static double? Rate(long numerator, long denominator, bool anyOutcome) =>
        anyOutcome && denominator > 0 ? (double)numerator / denominator : null;
}
