namespace SesAnalytics.Core.Events;

/// <summary>
/// The JSON property name of each <see cref="TrackingEvent"/> field. <see cref="Contract"/> is the normalized event
/// form; other outputs (the tracking API's <c>email</c> and <c>sesEventType</c>) derive theirs with <c>with</c>.
/// </summary>
public sealed record TrackingEventFieldNames
{
    /// <summary>The contract's normalized event names, as <c>normalize</c> prints them.</summary>
    public static TrackingEventFieldNames Contract { get; } = new();

    public string MessageId { get; init; } = "messageId";

    public string EventType { get; init; } = "eventType";

    public string Recipient { get; init; } = "recipient";

    public string Timestamp { get; init; } = "timestamp";

    public string SentAt { get; init; } = "sentAt";

    public string CampaignId { get; init; } = "campaignId";

    public string Tags { get; init; } = "tags";

    public string BounceType { get; init; } = "bounceType";

    public string BounceSubType { get; init; } = "bounceSubType";

    public string ComplaintFeedbackType { get; init; } = "complaintFeedbackType";

    public string Link { get; init; } = "link";

    public string UserAgent { get; init; } = "userAgent";

    public string IpAddress { get; init; } = "ipAddress";
}
