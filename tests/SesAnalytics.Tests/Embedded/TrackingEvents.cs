using SesAnalytics.Core.Events;

namespace SesAnalytics.Tests.Embedded;

/// <summary>Builds normalized events for the store's tests.</summary>
internal static class TrackingEvents
{
    public static TrackingEvent Of(
        string messageId,
        SesEventType type,
        DateTimeOffset timestamp,
        DateTimeOffset? sentAt = null,
        string recipient = "ana@example.com",
        string? campaign = null) => new()
        {
            MessageId = messageId,
            EventType = type,
            Recipient = recipient,
            Timestamp = EventTimestamps.Truncate(timestamp),
            SentAt = sentAt is { } sent ? EventTimestamps.Truncate(sent) : null,
            CampaignId = campaign,
            Tags = campaign is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["campaign"] = campaign },
        };

    /// <summary>An event of a message sent at <paramref name="sentAt"/>, happening <paramref name="after"/> later.</summary>
    public static TrackingEvent Sent(
        string messageId,
        SesEventType type,
        DateTimeOffset sentAt,
        TimeSpan after = default,
        string recipient = "ana@example.com",
        string? campaign = null) =>
        Of(messageId, type, sentAt + after, sentAt, recipient, campaign);
}
