using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Tracking;
using static SesAnalytics.Aws.DynamoDb.EventItems;
using static SesAnalytics.Aws.DynamoDb.TrackingSchema;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// Answers tracking queries: by recipient from <see cref="TrackingSchema.EmailIndex"/>, otherwise from
/// <see cref="TrackingSchema.MonthYearIndex"/> one month after the other, both by timestamp. DynamoDB applies its
/// limit before the filters, so the runner reads on until it has one record more than the page holds (which tells
/// whether another page exists) or the data ends.
/// </summary>
internal sealed class TrackingQueryRunner(IAmazonDynamoDB client, CursorProtector cursors)
{
    /// <summary>Up to this many months the runner queries each; beyond, it first asks which months hold records.</summary>
    private const int MonthsQueriedBlindly = 3;

    private const int MaxReadPerCall = 1000;

    public async Task<TrackingPage> RunAsync(
        string pipeline,
        string table,
        TrackingQuery query,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var fingerprint = CursorProtector.Fingerprint(pipeline, query);
        var cursor = query.NextToken is null ? null : QueryCursor.Parse(cursors.Unprotect(fingerprint, query.NextToken));

        // A record is live while its stored expirationTime is ahead (the rule DynamoDB's TTL applies), whatever the
        // retention is now; long windows stay cheap because only months with live records are read.
        var from = UtcCalendar.CeilingMillisecond(query.Window.From);
        var to = UtcCalendar.CeilingMillisecond(query.Window.To);
        if (from >= to)
        {
            return new TrackingPage([], null);
        }

        var last = to.AddMilliseconds(-1);
        IReadOnlyList<IndexRange> ranges = query.Email is { } email
            ? [new IndexRange(EmailIndex, Email, email.Trim().ToLowerInvariant(), null)]
            : await MonthRangesAsync(table, from, last, cursor, now, cancellationToken);
        var startKey = StartKey(cursor, ranges);

        var wanted = query.Limit + 1;
        var found = new List<(Dictionary<string, AttributeValue> Item, IndexRange Range)>(wanted);
        foreach (var range in ranges)
        {
            var request = Request(table, range, query, from, last, now, startKey);
            var readLimit = wanted;
            do
            {
                request.Limit = Math.Min(MaxReadPerCall, Math.Max(readLimit, wanted - found.Count));
                var response = await client.QueryAsync(request, cancellationToken);
                foreach (var item in response.Items ?? [])
                {
                    found.Add((item, range));
                    if (found.Count == wanted)
                    {
                        return Page(fingerprint, query.Limit, found);
                    }
                }

                request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
                readLimit = Math.Min(MaxReadPerCall, readLimit * 2);
            }
            while (request.ExclusiveStartKey is not null);

            startKey = null;
        }

        return Page(fingerprint, query.Limit, found);
    }

    private TrackingPage Page(
        string fingerprint,
        int limit,
        List<(Dictionary<string, AttributeValue> Item, IndexRange Range)> found)
    {
        var items = found.Take(limit).Select(entry => FromItem(entry.Item)).ToList();
        if (found.Count <= limit)
        {
            return new TrackingPage(items, null);
        }

        var (lastItem, range) = found[limit - 1];
        var key = new[] { Pk, Sk, range.PartitionAttribute, Timestamp }
            .ToDictionary(name => name, name => Required(lastItem, name), StringComparer.Ordinal);
        var cursor = new QueryCursor(range.Month, key);
        return new TrackingPage(items, cursors.Protect(fingerprint, cursor.ToPayload()));
    }

    /// <summary>Where the cursor continues: its key, when its month is the first range (or it is an email cursor).</summary>
    private static Dictionary<string, AttributeValue>? StartKey(QueryCursor? cursor, IReadOnlyList<IndexRange> ranges)
    {
        if (cursor is null || ranges.Count == 0 || !string.Equals(cursor.Month, ranges[0].Month, StringComparison.Ordinal))
        {
            return null;
        }

        var expected = new[] { Pk, Sk, ranges[0].PartitionAttribute, Timestamp };
        if (cursor.Key.Count != expected.Length || !expected.All(cursor.Key.ContainsKey))
        {
            throw new InvalidNextTokenException();
        }

        return cursor.Key.ToDictionary(pair => pair.Key, pair => S(pair.Value), StringComparer.Ordinal);
    }

    private static QueryRequest Request(
        string table,
        IndexRange range,
        TrackingQuery query,
        DateTimeOffset from,
        DateTimeOffset last,
        DateTimeOffset now,
        Dictionary<string, AttributeValue>? startKey)
    {
        var lower = EventTimestamps.Format(from);
        var request = new QueryRequest
        {
            TableName = table,
            IndexName = range.Index,
            KeyConditionExpression = "#pk = :pk AND #ts BETWEEN :from AND :last",
            FilterExpression = "#exp > :now",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["#pk"] = range.PartitionAttribute,
                ["#ts"] = Timestamp,
                ["#exp"] = ExpirationTime,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":pk"] = S(range.PartitionValue),
                [":from"] = S(lower),
                [":last"] = S(EventTimestamps.Format(last)),
                [":now"] = N(now.ToUnixTimeSeconds()),
            },
            ExclusiveStartKey = startKey,
        };
        if (query.CampaignId is { } campaign)
        {
            request.FilterExpression += " AND #campaign = :campaign";
            request.ExpressionAttributeNames["#campaign"] = CampaignId;
            request.ExpressionAttributeValues[":campaign"] = S(campaign);
        }

        if (query.EventType is { } type)
        {
            request.FilterExpression += " AND #type = :type";
            request.ExpressionAttributeNames["#type"] = EventType;
            request.ExpressionAttributeValues[":type"] = S(type.ToName());
        }

        return request;
    }

    /// <summary>The months of [from, last] from the cursor's month on; for long windows only those holding records.</summary>
    private async Task<IReadOnlyList<IndexRange>> MonthRangesAsync(
        string table,
        DateTimeOffset from,
        DateTimeOffset last,
        QueryCursor? cursor,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var first = UtcCalendar.MonthStartOf(from);
        if (cursor is not null)
        {
            if (cursor.Month is null || !UtcCalendar.TryParseMonth(cursor.Month, out var cursorMonth))
            {
                throw new InvalidNextTokenException();
            }

            first = cursorMonth > first ? cursorMonth : first;
        }

        var months = new List<DateTimeOffset>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            months.Add(month);
            if (months.Count > MonthsQueriedBlindly)
            {
                months = await MonthsWithRecordsAsync(table, first, last, now, cancellationToken);
                break;
            }
        }

        return months
            .Select(month => new IndexRange(MonthYearIndex, MonthYear, EventTimestamps.MonthYear(month), UtcCalendar.MonthText(month)))
            .ToList();
    }

    private async Task<List<DateTimeOffset>> MonthsWithRecordsAsync(
        string table,
        DateTimeOffset first,
        DateTimeOffset last,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "#pk = :pk AND #sk BETWEEN :first AND :last",
            FilterExpression = "#exp > :now",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["#pk"] = Pk,
                ["#sk"] = Sk,
                ["#exp"] = ExpirationTime,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":pk"] = S(MetricsPartition),
                [":first"] = S(MetricItems.MonthKey(first)),
                [":last"] = S(MetricItems.MonthKey(last)),
                [":now"] = N(now.ToUnixTimeSeconds()),
            },
        };
        var months = new List<DateTimeOffset>();
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                var key = Required(item, Sk);
                if (UtcCalendar.TryParseMonth(key[MetricItems.MonthPrefix.Length..], out var month))
                {
                    months.Add(month);
                }
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        return months;
    }

    /// <summary>One index partition to read: its name, partition attribute and value, and month text (month index only).</summary>
    private sealed record IndexRange(string Index, string PartitionAttribute, string PartitionValue, string? Month);
}
