using System.Globalization;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>One expected tracking record; <see cref="Timestamp"/> is in the contract's form, as the routes return it.</summary>
internal sealed record AwsExpectedEvent(
    string MessageId,
    string EventType,
    string Recipient,
    string Timestamp,
    DateTimeOffset? SentAt,
    string? CampaignId)
{
    public DateTimeOffset Time => ParseInstant(Timestamp);

    /// <summary>The contract's identity of an event: equal keys are one record.</summary>
    public string Key => string.Join('|', MessageId, EventType, Recipient, Timestamp);

    public static DateTimeOffset ParseInstant(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
