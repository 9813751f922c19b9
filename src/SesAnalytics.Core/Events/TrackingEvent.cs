namespace SesAnalytics.Core.Events;

/// <summary>
/// One normalized SES event for one recipient. Two events are the same when
/// <see cref="MessageId"/>, <see cref="EventType"/>, <see cref="Recipient"/> and
/// <see cref="Timestamp"/> are equal (see <see cref="Key"/>).
/// </summary>
public sealed record TrackingEvent
{
    public required string MessageId { get; init; }

    public required SesEventType EventType { get; init; }

    /// <summary>The bare, lower-cased address.</summary>
    public required string Recipient { get; init; }

    /// <summary>UTC, truncated to milliseconds.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary><c>mail.timestamp</c>, UTC, truncated to milliseconds; null when absent or invalid.</summary>
    public DateTimeOffset? SentAt { get; init; }

    public string? CampaignId { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    public string? BounceType { get; init; }

    public string? BounceSubType { get; init; }

    public string? ComplaintFeedbackType { get; init; }

    public string? Link { get; init; }

    public string? UserAgent { get; init; }

    public string? IpAddress { get; init; }

    /// <summary>The identity of the event: storing an event with the same key again changes nothing.</summary>
    public string Key => string.Join(
        '|',
        MessageId,
        EventType.ToName(),
        Recipient,
        EventTimestamps.Format(Timestamp));
}
