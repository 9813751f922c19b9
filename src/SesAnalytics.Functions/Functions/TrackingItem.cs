using System.Text.Json.Serialization;
using SesAnalytics.Core.Events;

namespace SesAnalytics.Functions.Functions;

/// <summary>A tracking record as the tracking routes return it.</summary>
public sealed record TrackingItem(
    string MessageId,
    string Email,
    string SesEventType,
    string Timestamp,
    string? CampaignId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SentAt,
    IReadOnlyDictionary<string, string> Tags,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BounceType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? BounceSubType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ComplaintFeedbackType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Link,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? UserAgent,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? IpAddress)
{
    public static TrackingItem From(TrackingEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return new TrackingItem(
            e.MessageId,
            e.Recipient,
            e.EventType.ToName(),
            EventTimestamps.Format(e.Timestamp),
            e.CampaignId,
            e.SentAt is { } sentAt ? EventTimestamps.Format(sentAt) : null,
            e.Tags,
            e.BounceType,
            e.BounceSubType,
            e.ComplaintFeedbackType,
            e.Link,
            e.UserAgent,
            e.IpAddress);
    }
}
