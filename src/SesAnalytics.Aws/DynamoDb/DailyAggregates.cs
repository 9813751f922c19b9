using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using static SesAnalytics.Aws.DynamoDb.EventItems;
using static SesAnalytics.Aws.DynamoDb.TrackingSchema;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// Per-day counters of the messages sent each UTC day, kept so that reading metrics costs a few queries whatever
/// the number of stored messages.
/// </summary>
/// <remarks>
/// <para>
/// The write path stays one <c>BatchWriteItem</c> of puts: with its events it puts a <c>DIRTY#day</c> marker
/// (with the time of the write) for every send day the events belong to. Counting reads the day items, the
/// markers and, for a campaign, its items, for the window's days: a day whose counters are older than its marker,
/// whose counted records start to expire, or whose campaign item is not of the day item's generation, is counted
/// again from <see cref="TrackingSchema.SentDayIndex"/> (that day's records only) and written back.
/// </para>
/// <para>
/// Why this is safe without transactions or conditions: a marker is written in the same call as the last events it
/// describes, with a time taken just before that call, and written again with a new time when that call took longer
/// than <see cref="BatchWriter.StampedCallLimit"/> (see <see cref="BatchWriter"/>). So a marker's time is at most
/// that limit before its events are stored, also when writers race and an older marker overwrites a newer one.
/// <see cref="Skew"/> adds twice as much for the index to catch up (it is eventually consistent) and for clocks that
/// differ between hosts: counters computed from a scan that started <see cref="Skew"/> or more after a marker's time
/// include its events, and a day whose marker is newer than that stays due. A crash between any two puts leaves
/// either a marker newer than the counters (the events stay on their queue and are stored again, with a new marker)
/// or a campaign item of another generation than its day item (which lists the campaigns it counted), so the day is
/// counted again on the next read: counters are never left wrong. Concurrent counts of one day each write what they
/// saw; either is right for its start time, and a mix of the two is caught by the generation check.
/// </para>
/// <para>
/// Counters are kept per send hour, so a window that starts or ends inside a day reads whole hours from the
/// counters and only the minutes around its edges from the index.
/// </para>
/// </remarks>
internal sealed class DailyAggregates(
    IAmazonDynamoDB client,
    BatchWriter writer,
    SentDayReader reader,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>
    /// How much earlier than a count's start a marker must be for the count to cover its events: the writer's
    /// limit on how stale a marker's time can be, plus twice that for index propagation and clock differences.
    /// </summary>
    public static readonly TimeSpan Skew = BatchWriter.StampedCallLimit * 3;

    /// <summary>
    /// Shortest time between two counts of one day caused by expiring records: without it a day whose records
    /// expire one by one would be counted again on every read. Counters may include a record for up to this long
    /// after it expired; the records themselves are never returned once expired.
    /// </summary>
    public static readonly TimeSpan ExpiryRecount = TimeSpan.FromMinutes(15);

    private const int ParallelCounts = 4;

    /// <summary>
    /// Counters by send hour for each day in [<paramref name="first"/>, <paramref name="last"/>] that has data, for
    /// all messages or for one campaign; days with none are absent.
    /// </summary>
    public async Task<IReadOnlyDictionary<DateOnly, HourlyCounts>> CountsByDayAsync(
        string table,
        DateOnly first,
        DateOnly last,
        string? campaign,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var daysTask = ReadRangeAsync(table, MetricItems.DayPrefix, first, last, now, cancellationToken);
        var markersTask = ReadRangeAsync(table, MetricItems.DirtyPrefix, first, last, now, cancellationToken);
        var campaignTask = campaign is null
            ? Task.FromResult(new Dictionary<DateOnly, Dictionary<string, AttributeValue>>())
            : ReadRangeAsync(table, MetricItems.CampaignKeyPrefix(campaign), first, last, now, cancellationToken);
        await Task.WhenAll(daysTask, markersTask, campaignTask);
        var days = await daysTask;
        var markers = await markersTask;
        var campaignDays = await campaignTask;

        var result = new Dictionary<DateOnly, HourlyCounts>();
        var due = new List<DateOnly>();
        foreach (var day in days.Keys.Union(markers.Keys).Order())
        {
            var stored = days.TryGetValue(day, out var dayItem) ? MetricItems.ParseDay(day, dayItem) : null;
            var marker = markers.TryGetValue(day, out var markerItem) ? MetricItems.WrittenAtOf(markerItem) : (long?)null;
            var campaignDay = campaignDays.TryGetValue(day, out var campaignItem) ? MetricItems.ParseCampaignDay(campaignItem) : null;
            if (Current(stored, marker, campaign, campaignDay, now) is { } counts)
            {
                result[day] = counts;
            }
            else
            {
                due.Add(day);
            }
        }

        var earlier = await CountDaysAsync(table, due, campaign, result, cancellationToken);
        var recount = earlier.Where(day => day >= first && day <= last && !due.Contains(day)).ToList();
        await CountDaysAsync(table, recount, campaign, result, cancellationToken);
        return result;
    }

    /// <summary>The stored counters when they are current, else null (the day must be counted again).</summary>
    private static HourlyCounts? Current(
        StoredDay? stored,
        long? markerWrittenAtMs,
        string? campaign,
        StoredCampaignDay? campaignDay,
        DateTimeOffset now)
    {
        if (stored is null
            || now.ToUnixTimeMilliseconds() >= stored.ValidUntilMs
            || markerWrittenAtMs >= stored.ComputedAtMs - (long)Skew.TotalMilliseconds)
        {
            return null;
        }

        if (campaign is null)
        {
            return stored.All;
        }

        if (!stored.Campaigns.Contains(campaign))
        {
            return new HourlyCounts();
        }

        return campaignDay is not null && string.Equals(campaignDay.Generation, stored.Generation, StringComparison.Ordinal)
            ? campaignDay.Counts
            : null;
    }

    /// <summary>Counts the days again (a few at a time), adds their counters to <paramref name="result"/>.</summary>
    /// <returns>Earlier days that own messages found on these days, now marked for counting again.</returns>
    private async Task<IReadOnlySet<DateOnly>> CountDaysAsync(
        string table,
        List<DateOnly> days,
        string? campaign,
        Dictionary<DateOnly, HourlyCounts> result,
        CancellationToken cancellationToken)
    {
        var earlier = new HashSet<DateOnly>();
        if (days.Count == 0)
        {
            return earlier;
        }

        var gate = new object();
        await Parallel.ForEachAsync(
            days,
            new ParallelOptions { MaxDegreeOfParallelism = ParallelCounts, CancellationToken = cancellationToken },
            async (day, token) =>
            {
                var (aggregate, owners) = await CountDayAsync(table, day, token);
                lock (gate)
                {
                    result[day] = aggregate.CountsFor(campaign);
                    earlier.UnionWith(owners);
                }
            });
        return earlier;
    }

    /// <summary>Counts one day from the index and writes its counters (campaign items first, then the day item).</summary>
    public async Task<(DayAggregate Aggregate, IReadOnlySet<DateOnly> EarlierDays)> CountDayAsync(
        string table,
        DateOnly day,
        CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var generation = string.Create(CultureInfo.InvariantCulture, $"{now.UtcTicks:D19}-{Guid.NewGuid():N}");
        var aggregate = new DayAggregate(day, generation, now.ToUnixTimeMilliseconds());
        var scan = await reader.ReadAsync(table, day, null, null, now, aggregate.Add, cancellationToken);
        aggregate.ValidUntilMs = aggregate.FirstExpiration == long.MaxValue
            ? long.MaxValue
            : Math.Max(aggregate.FirstExpiration * 1000, (now + ExpiryRecount).ToUnixTimeMilliseconds());

        // The counters may go once the last counted record is gone; an empty day's only briefly.
        var expiration = aggregate.LastExpiration > 0 ? aggregate.LastExpiration : (now + ExpiryRecount).ToUnixTimeSeconds();
        var items = aggregate.Campaigns
            .Select(pair => MetricItems.CampaignItem(aggregate, pair.Key, pair.Value, expiration))
            .Append(MetricItems.DayItem(aggregate, expiration))
            .ToList();
        foreach (var (owner, ownerExpiration) in scan.EarlierDays)
        {
            items.Add(MetricItems.Dirty(owner, now, ownerExpiration));
        }

        await writer.WriteAsync(table, items, stamped: null, cancellationToken);
        if (logger.IsEnabled(LogLevel.Debug))
        {
            var dayText = UtcCalendar.DayText(day);
            var elapsedMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            DynamoDbLog.DayCounted(logger, table, dayText, scan.Messages, aggregate.Campaigns.Count, elapsedMs);
        }
        return (aggregate, scan.EarlierDays.Keys.ToHashSet());
    }

    /// <summary>The live metrics items with sort keys <c>prefix + day</c> for days in [first, last], by day.</summary>
    private async Task<Dictionary<DateOnly, Dictionary<string, AttributeValue>>> ReadRangeAsync(
        string table,
        string prefix,
        DateOnly first,
        DateOnly last,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var request = new QueryRequest
        {
            TableName = table,
            ConsistentRead = true,
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
                [":first"] = S(prefix + UtcCalendar.DayText(first)),
                [":last"] = S(prefix + UtcCalendar.DayText(last)),
                [":now"] = N(now.ToUnixTimeSeconds()),
            },
        };
        var byDay = new Dictionary<DateOnly, Dictionary<string, AttributeValue>>();
        do
        {
            var response = await client.QueryAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                if (MetricItems.DayOfKey(Required(item, Sk), prefix) is { } day)
                {
                    byDay[day] = item;
                }
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        return byDay;
    }
}
