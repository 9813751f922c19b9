namespace SesAnalytics.Core.Tracking;

/// <summary>
/// Unique messages per outcome for the messages sent in a window (see the contract's metrics rules).
/// <see cref="EngagementEvents"/> counts messages with any event other than SEND: with none, no rate is shown.
/// </summary>
public sealed record EngagementCounts(
    long Sent,
    long Delivered,
    long Opened,
    long Clicked,
    long Bounced,
    long Complained,
    long Rejected,
    long EngagementEvents)
{
    public static EngagementCounts Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public EngagementCounts Add(EngagementCounts other) => new(
        Sent + other.Sent,
        Delivered + other.Delivered,
        Opened + other.Opened,
        Clicked + other.Clicked,
        Bounced + other.Bounced,
        Complained + other.Complained,
        Rejected + other.Rejected,
        EngagementEvents + other.EngagementEvents);
}
