using System.Globalization;
using Amazon.DynamoDBv2.Model;
using SesAnalytics.Core.Events;
using static SesAnalytics.Aws.DynamoDb.TrackingSchema;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>Converts tracking events to DynamoDB items and back (the contract's field names).</summary>
internal static class EventItems
{
    public static string PartitionKeyOf(string messageId) => EventPartitionPrefix + messageId;

    public static string SortKeyOf(TrackingEvent trackingEvent) =>
        string.Join(
            '#',
            "EVENT",
            trackingEvent.EventType.ToName(),
            trackingEvent.Recipient,
            EventTimestamps.Format(trackingEvent.Timestamp));

    /// <summary>When the message was sent as far as this event knows: <c>mail.timestamp</c>, else its own time.</summary>
    public static DateTimeOffset SentAtOrOwnTime(TrackingEvent trackingEvent) =>
        EventTimestamps.Truncate(trackingEvent.SentAt ?? trackingEvent.Timestamp);

    /// <summary>Epoch seconds at which the record expires (the table's TTL attribute).</summary>
    public static long ExpirationOf(DateTimeOffset timestamp, TimeSpan retention) =>
        UtcCalendar.AddClamped(timestamp, retention).ToUnixTimeSeconds();

    public static Dictionary<string, AttributeValue> ToItem(TrackingEvent trackingEvent, TimeSpan retention)
    {
        var timestamp = EventTimestamps.Truncate(trackingEvent.Timestamp);
        var sentAt = SentAtOrOwnTime(trackingEvent);
        var item = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [Pk] = S(PartitionKeyOf(trackingEvent.MessageId)),
            [Sk] = S(SortKeyOf(trackingEvent)),
            [MessageId] = S(trackingEvent.MessageId),
            [Email] = S(trackingEvent.Recipient),
            [EventType] = S(trackingEvent.EventType.ToName()),
            [Timestamp] = S(EventTimestamps.Format(timestamp)),
            [MonthYear] = S(EventTimestamps.MonthYear(timestamp)),
            [ExpirationTime] = N(ExpirationOf(timestamp, retention)),
            [SentDay] = S(UtcCalendar.DayText(UtcCalendar.DayOf(sentAt))),
            [SentKey] = S(EventTimestamps.Format(sentAt) + "#" + trackingEvent.MessageId),
        };
        if (trackingEvent.SentAt is { } mailTimestamp)
        {
            item[SentAt] = S(EventTimestamps.Format(mailTimestamp));
        }

        AddIfPresent(item, CampaignId, trackingEvent.CampaignId);
        AddIfPresent(item, BounceType, trackingEvent.BounceType);
        AddIfPresent(item, BounceSubType, trackingEvent.BounceSubType);
        AddIfPresent(item, ComplaintFeedbackType, trackingEvent.ComplaintFeedbackType);
        AddIfPresent(item, Link, trackingEvent.Link);
        AddIfPresent(item, UserAgent, trackingEvent.UserAgent);
        AddIfPresent(item, IpAddress, trackingEvent.IpAddress);
        if (trackingEvent.Tags.Count > 0)
        {
            item[Tags] = new AttributeValue
            {
                M = trackingEvent.Tags.ToDictionary(pair => pair.Key, pair => S(pair.Value), StringComparer.Ordinal),
            };
        }

        return item;
    }

    public static TrackingEvent FromItem(IReadOnlyDictionary<string, AttributeValue> item)
    {
        var typeName = Required(item, EventType);
        if (!SesEventTypeNames.TryParse(typeName, out var type))
        {
            throw new InvalidDataException($"A tracking item holds the unknown {EventType} '{typeName}'.");
        }

        var tags = item.TryGetValue(Tags, out var tagValue) && tagValue.M is { Count: > 0 } map
            ? map.ToDictionary(pair => pair.Key, pair => pair.Value.S ?? string.Empty, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        return new TrackingEvent
        {
            MessageId = Required(item, MessageId),
            EventType = type,
            Recipient = Required(item, Email),
            Timestamp = ParseTime(item, Timestamp) ?? throw Missing(Timestamp),
            SentAt = ParseTime(item, SentAt),
            CampaignId = Optional(item, CampaignId),
            Tags = tags,
            BounceType = Optional(item, BounceType),
            BounceSubType = Optional(item, BounceSubType),
            ComplaintFeedbackType = Optional(item, ComplaintFeedbackType),
            Link = Optional(item, Link),
            UserAgent = Optional(item, UserAgent),
            IpAddress = Optional(item, IpAddress),
        };
    }

    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    public static string? Optional(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) ? value.S : null;

    public static string Required(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        Optional(item, name) ?? throw Missing(name);

    public static long? OptionalNumber(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } text
            ? long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture)
            : null;

    public static long RequiredNumber(IReadOnlyDictionary<string, AttributeValue> item, string name) =>
        OptionalNumber(item, name) ?? throw Missing(name);

    public static DateTimeOffset? ParseTime(IReadOnlyDictionary<string, AttributeValue> item, string name)
    {
        var text = Optional(item, name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParseExact(
            text,
            EventTimestamps.Pattern,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var parsed)
            ? parsed
            : throw new InvalidDataException($"A tracking item's {name} '{text}' is not in the form {EventTimestamps.Pattern}.");
    }

    private static void AddIfPresent(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (value is not null)
        {
            item[name] = S(value);
        }
    }

    private static InvalidDataException Missing(string name) => new($"A tracking item has no {name} attribute.");
}
