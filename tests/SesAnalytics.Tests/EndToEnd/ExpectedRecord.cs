using System.Globalization;
using System.Text.Json;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// One tracking record as the tracking routes answer it, field by field; read from a sample's
/// <c>.expected.json</c> event or from a route's item, so the two compare with plain equality.
/// </summary>
internal sealed record ExpectedRecord(
    string MessageId,
    string EventType,
    string Email,
    string Timestamp,
    string? SentAt,
    string? CampaignId,
    string Tags,
    string? BounceType,
    string? BounceSubType,
    string? ComplaintFeedbackType,
    string? Link,
    string? UserAgent,
    string? IpAddress)
{
    /// <summary>The contract's identity of an event: message, type, recipient and time.</summary>
    public string Key => string.Join('|', MessageId, EventType, Email, Timestamp);

    public DateTimeOffset Time => Instant(Timestamp);

    public DateTimeOffset? SentTime => SentAt is null ? null : Instant(SentAt);

    /// <summary>An event of a sample's <c>.expected.json</c> (the normalized event shape).</summary>
    public static ExpectedRecord FromExpectedEvent(JsonElement e) => new(
        Text(e, "messageId")!,
        Text(e, "eventType")!,
        Text(e, "recipient")!,
        Text(e, "timestamp")!,
        Text(e, "sentAt"),
        Text(e, "campaignId"),
        TagsOf(e),
        Text(e, "bounceType"),
        Text(e, "bounceSubType"),
        Text(e, "complaintFeedbackType"),
        Text(e, "link"),
        Text(e, "userAgent"),
        Text(e, "ipAddress"));

    /// <summary>An item of a tracking route's answer.</summary>
    public static ExpectedRecord FromTrackingItem(JsonElement item) => new(
        Text(item, "messageId")!,
        Text(item, "sesEventType")!,
        Text(item, "email")!,
        Text(item, "timestamp")!,
        Text(item, "sentAt"),
        Text(item, "campaignId"),
        TagsOf(item),
        Text(item, "bounceType"),
        Text(item, "bounceSubType"),
        Text(item, "complaintFeedbackType"),
        Text(item, "link"),
        Text(item, "userAgent"),
        Text(item, "ipAddress"));

    public static DateTimeOffset Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    /// <summary>The contract's timestamp form: UTC, milliseconds, <c>Z</c>.</summary>
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    /// <summary>Tags as one comparable text: <c>name=value</c> pairs sorted by name.</summary>
    private static string TagsOf(JsonElement obj) =>
        obj.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Object
            ? string.Join(
                '\n',
                tags.EnumerateObject()
                    .OrderBy(t => t.Name, StringComparer.Ordinal)
                    .Select(t => t.Name + "=" + t.Value.GetString()))
            : string.Empty;
}
