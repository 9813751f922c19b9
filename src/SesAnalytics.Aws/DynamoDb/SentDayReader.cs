using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SesAnalytics.Core.Events;
using static SesAnalytics.Aws.DynamoDb.EventItems;
using static SesAnalytics.Aws.DynamoDb.TrackingSchema;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// Reads the messages sent on one UTC day (optionally only those sent in a range of that day) from
/// <see cref="TrackingSchema.SentDayIndex"/>, message by message, from their live records only.
/// </summary>
/// <remarks>
/// A message's events carry its <c>mail.timestamp</c>, so they share one index key and arrive together. Events
/// without one are indexed under their own time; the message's send time is then its earliest event, which only
/// its own partition tells, so such messages are read from there (SES always sends <c>mail.timestamp</c>, so
/// this path is rare). When that earliest event lies on an earlier day, the message belongs to that day: the scan
/// reports the day so its counters are computed again.
/// </remarks>
internal sealed class SentDayReader(IAmazonDynamoDB client)
{
    public async Task<SentDayScan> ReadAsync(
        string table,
        DateOnly day,
        DateTimeOffset? from,
        DateTimeOffset? to,
        DateTimeOffset now,
        Action<SentMessage> onMessage,
        CancellationToken cancellationToken)
    {
        var nowSeconds = now.ToUnixTimeSeconds();
        var request = IndexQuery(table, day, from, to, nowSeconds);
        var messages = 0;
        MessageBuilder? current = null;
        string? currentKey = null;
        var withoutSentAt = new HashSet<string>(StringComparer.Ordinal);
        var withSentAt = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                var messageId = Required(item, MessageId);
                if (!item.ContainsKey(SentAt))
                {
                    withoutSentAt.Add(messageId);
                    continue;
                }

                withSentAt.Add(messageId);
                var key = Required(item, SentKey);
                if (!string.Equals(key, currentKey, StringComparison.Ordinal))
                {
                    messages += Emit(current, onMessage);
                    current = new MessageBuilder(messageId);
                    currentKey = key;
                }

                current!.Add(item);
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);

        messages += Emit(current, onMessage);

        // A message counted above from its mail.timestamp is not read again for its records without one (such as
        // the SEND record the app writes when SES does not tell the send time).
        withoutSentAt.ExceptWith(withSentAt);
        var earlierDays = new Dictionary<DateOnly, long>();
        foreach (var messageId in withoutSentAt.Order(StringComparer.Ordinal))
        {
            var message = await ReadWholeMessageAsync(table, messageId, nowSeconds, cancellationToken);
            if (message is null)
            {
                continue;
            }

            var sentDay = UtcCalendar.DayOf(message.SentAt);
            if (sentDay < day)
            {
                earlierDays[sentDay] = Math.Max(earlierDays.GetValueOrDefault(sentDay), message.LastExpiration);
            }
            else if (sentDay == day && (from is null || message.SentAt >= from) && (to is null || message.SentAt < to))
            {
                onMessage(message);
                messages++;
            }
        }

        return new SentDayScan(messages, earlierDays);
    }

    private static QueryRequest IndexQuery(string table, DateOnly day, DateTimeOffset? from, DateTimeOffset? to, long nowSeconds)
    {
        var request = new QueryRequest
        {
            TableName = table,
            IndexName = SentDayIndex,
            KeyConditionExpression = "#day = :day",
            FilterExpression = "#exp > :now",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["#day"] = SentDay,
                ["#exp"] = ExpirationTime,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":day"] = S(UtcCalendar.DayText(day)),
                [":now"] = N(nowSeconds),
            },
        };
        if (from is not null || to is not null)
        {
            // sentKey is "sentAt#messageId": every key of a send time t sorts after "t" and before the next
            // millisecond, so BETWEEN "from" AND "to" selects exactly the send times in [from, to).
            var dayStart = UtcCalendar.StartOf(day);
            request.KeyConditionExpression += " AND #key BETWEEN :from AND :to";
            request.ExpressionAttributeNames["#key"] = SentKey;
            request.ExpressionAttributeValues[":from"] = S(EventTimestamps.Format(from ?? dayStart));
            request.ExpressionAttributeValues[":to"] = S(EventTimestamps.Format(to ?? dayStart.AddDays(1)));
        }

        return request;
    }

    /// <summary>A message without <c>mail.timestamp</c>, from all its live records; null when none is live.</summary>
    private async Task<SentMessage?> ReadWholeMessageAsync(
        string table,
        string messageId,
        long nowSeconds,
        CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = table,
            ConsistentRead = true,
            KeyConditionExpression = "#pk = :pk",
            FilterExpression = "#exp > :now",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["#pk"] = Pk,
                ["#exp"] = ExpirationTime,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":pk"] = S(PartitionKeyOf(messageId)),
                [":now"] = N(nowSeconds),
            },
        };
        var builder = new MessageBuilder(messageId);
        var anyWithSentAt = false;
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                anyWithSentAt |= item.ContainsKey(SentAt);
                builder.Add(item);
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        }
        while (request.ExclusiveStartKey is not null);

        // Events of one message share its mail.timestamp; when some carry it, the message is counted on that
        // day from those events (indexed there), and the ones without it are not counted a second time here.
        return anyWithSentAt ? null : builder.Build();
    }

    private static int Emit(MessageBuilder? builder, Action<SentMessage> onMessage)
    {
        if (builder?.Build() is not { } message)
        {
            return 0;
        }

        onMessage(message);
        return 1;
    }

    /// <summary>Collects one message's records.</summary>
    private sealed class MessageBuilder(string messageId)
    {
        private readonly HashSet<string> _campaigns = new(StringComparer.Ordinal);
        private DateTimeOffset? _sentAt;
        private DateTimeOffset? _earliest;
        private int _types;
        private long _firstExpiration = long.MaxValue;
        private long _lastExpiration;

        public void Add(IReadOnlyDictionary<string, AttributeValue> item)
        {
            if (!SesEventTypeNames.TryParse(Optional(item, EventType), out var type))
            {
                throw new InvalidDataException($"A tracking item of message {messageId} has no known {EventType}.");
            }

            _types |= MessageOutcomes.Bit(type);
            if (Optional(item, CampaignId) is { Length: > 0 } campaign)
            {
                _campaigns.Add(campaign);
            }

            if (ParseTime(item, SentAt) is { } sentAt && (_sentAt is null || sentAt < _sentAt))
            {
                _sentAt = sentAt;
            }

            var timestamp = ParseTime(item, Timestamp)
                ?? throw new InvalidDataException($"A tracking item of message {messageId} has no {Timestamp}.");
            if (_earliest is null || timestamp < _earliest)
            {
                _earliest = timestamp;
            }

            var expiration = RequiredNumber(item, ExpirationTime);
            _firstExpiration = Math.Min(_firstExpiration, expiration);
            _lastExpiration = Math.Max(_lastExpiration, expiration);
        }

        public SentMessage? Build() => _earliest is { } earliest
            ? new SentMessage(messageId, _sentAt ?? earliest, _types, _campaigns, _firstExpiration, _lastExpiration)
            : null;
    }
}
