using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;
using static SesAnalytics.Aws.DynamoDb.EventItems;
using static SesAnalytics.Aws.DynamoDb.TrackingSchema;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// Tracking records in one DynamoDB table per pipeline (<see cref="PipelineOptions.Table"/>, layout in
/// <see cref="TrackingSchema"/>). Storing a batch is one <c>BatchWriteItem</c> per 25 items: the events, plus a
/// few small markers (send days for the counters, months for queries, last store time per event type). Nothing
/// on the write path reads or conditions, so storing an event again simply writes the same item again.
/// DynamoDB's TTL deletes expired records eventually (and not at all in emulators): every read hides them itself.
/// </summary>
internal sealed class DynamoDbTrackingStore : ITrackingStore
{
    private readonly IAmazonDynamoDB _client;
    private readonly SesAnalyticsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly BatchWriter _writer;
    private readonly DailyAggregates _aggregates;
    private readonly SentDayReader _reader;
    private readonly TrackingQueryRunner _queries;

    public DynamoDbTrackingStore(
        IAmazonDynamoDB client,
        IOptions<SesAnalyticsOptions> options,
        IOptions<DynamoDbOptions> dynamoDbOptions,
        CursorProtector cursors,
        TimeProvider time,
        ILogger<DynamoDbTrackingStore> logger)
    {
        _client = client;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _writer = new BatchWriter(client, time, dynamoDbOptions.Value, logger);
        _reader = new SentDayReader(client);
        _aggregates = new DailyAggregates(client, _writer, _reader, time, logger);
        _queries = new TrackingQueryRunner(client, cursors);
    }

    public async Task StoreAsync(string pipeline, IReadOnlyList<TrackingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var table = TableOf(pipeline);
        for (var index = 0; index < events.Count; index++)
        {
            if (Problem(events[index]) is { } problem)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"events[{index}] {problem}."), nameof(events));
            }
        }

        if (events.Count == 0)
        {
            return;
        }

        // One BatchWriteItem may not name a key twice; the same event twice is one write anyway.
        var distinct = events.DistinctBy(e => e.Key, StringComparer.Ordinal).ToList();
        var retention = _options.Retention;
        var items = distinct.Select(e => ToItem(e, retention)).ToList();
        var calls = await _writer.WriteAsync(table, items, at => Markers(distinct, at, retention), cancellationToken);
        DynamoDbLog.EventsStored(_logger, table, distinct.Count, calls);
    }

    public Task<TrackingPage> QueryAsync(string pipeline, TrackingQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(query.Window);
        var table = TableOf(pipeline);
        if (query.Limit is < 1 or > TrackingQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(query),
                query.Limit,
                string.Create(CultureInfo.InvariantCulture, $"limit must be between 1 and {TrackingQuery.MaxLimit}."));
        }

        return _queries.RunAsync(pipeline, table, query, _time.GetUtcNow(), cancellationToken);
    }

    public async Task<EngagementCounts> GetCountsAsync(
        string pipeline,
        TimeWindow window,
        string? campaignId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(window);
        var table = TableOf(pipeline);
        if (window.From >= window.To)
        {
            return EngagementCounts.Zero;
        }

        var first = UtcCalendar.DayOf(window.From);
        var last = UtcCalendar.DayOf(window.To.AddTicks(-1));
        var byDay = await _aggregates.CountsByDayAsync(table, first, last, campaignId, cancellationToken);
        var total = default(MessageOutcomes);
        foreach (var (day, counts) in byDay)
        {
            total = total.Plus(await CountsInWindowAsync(table, day, counts, window, campaignId, cancellationToken));
        }

        return total.ToCounts();
    }

    public async Task<PipelineActivity> GetActivityAsync(string pipeline, CancellationToken cancellationToken)
    {
        var table = TableOf(pipeline);
        var request = new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "#pk = :pk AND begins_with(#sk, :last)",
            ExpressionAttributeNames = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["#pk"] = Pk,
                ["#sk"] = Sk,
            },
            ExpressionAttributeValues = new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
            {
                [":pk"] = S(MetricsPartition),
                [":last"] = S(MetricItems.LastPrefix),
            },
        };
        var last = new Dictionary<SesEventType, DateTimeOffset>();
        do
        {
            var response = await _client.QueryAsync(request, cancellationToken);
            foreach (var item in response.Items ?? [])
            {
                if (MetricItems.ParseLast(item) is { } entry)
                {
                    last[entry.Type] = entry.StoredAt;
                }
            }

            request.ExclusiveStartKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (request.ExclusiveStartKey is not null);

        return new PipelineActivity(last);
    }

    public async Task<DailyReconciliation> ReconcileAsync(string pipeline, DateOnly day, CancellationToken cancellationToken)
    {
        var table = TableOf(pipeline);
        var byDay = await _aggregates.CountsByDayAsync(table, day, day, campaign: null, cancellationToken);
        var counts = byDay.TryGetValue(day, out var hourly) ? hourly.Total : default;
        return counts.ToReconciliation(day);
    }

    /// <summary>
    /// The messages of <paramref name="day"/> sent inside the window: the whole day, or its whole hours from the
    /// counters and the minutes before and after them from the index.
    /// </summary>
    private async Task<MessageOutcomes> CountsInWindowAsync(
        string table,
        DateOnly day,
        HourlyCounts counts,
        TimeWindow window,
        string? campaignId,
        CancellationToken cancellationToken)
    {
        var dayStart = UtcCalendar.StartOf(day);
        var dayEnd = dayStart.AddDays(1);
        var from = window.From > dayStart ? window.From : dayStart;
        var to = window.To < dayEnd ? window.To : dayEnd;
        if (from == dayStart && to == dayEnd)
        {
            return counts.Total;
        }

        var firstWholeHour = (int)Math.Ceiling((from - dayStart).TotalHours);
        var endWholeHour = (int)Math.Floor((to - dayStart).TotalHours);
        if (firstWholeHour >= endWholeHour)
        {
            return await CountRangeAsync(table, day, from, to, campaignId, cancellationToken);
        }

        var total = counts.Sum(firstWholeHour, endWholeHour);
        var wholeFrom = dayStart.AddHours(firstWholeHour);
        var wholeTo = dayStart.AddHours(endWholeHour);
        if (from < wholeFrom)
        {
            total = total.Plus(await CountRangeAsync(table, day, from, wholeFrom, campaignId, cancellationToken));
        }

        if (wholeTo < to)
        {
            total = total.Plus(await CountRangeAsync(table, day, wholeTo, to, campaignId, cancellationToken));
        }

        return total;
    }

    private async Task<MessageOutcomes> CountRangeAsync(
        string table,
        DateOnly day,
        DateTimeOffset from,
        DateTimeOffset to,
        string? campaignId,
        CancellationToken cancellationToken)
    {
        var total = default(MessageOutcomes);
        await _reader.ReadAsync(
            table,
            day,
            UtcCalendar.CeilingMillisecond(from),
            UtcCalendar.CeilingMillisecond(to),
            _time.GetUtcNow(),
            message =>
            {
                if (campaignId is null || message.Campaigns.Contains(campaignId))
                {
                    total = total.Plus(MessageOutcomes.FromTypes(message.Types));
                }
            },
            cancellationToken);
        return total;
    }

    /// <summary>
    /// The markers of a batch, stamped with the time of the call that writes them: a dirty marker per send day, a
    /// marker per event month, and the last store time per event type.
    /// </summary>
    private static List<Dictionary<string, AttributeValue>> Markers(
        IReadOnlyList<TrackingEvent> events,
        DateTimeOffset at,
        TimeSpan retention)
    {
        var markers = new List<Dictionary<string, AttributeValue>>();
        foreach (var group in events.GroupBy(e => UtcCalendar.DayOf(SentAtOrOwnTime(e))).OrderBy(g => g.Key))
        {
            // The marker must outlive the records it announces, and a later put must not shorten its life.
            var latest = group.Max(e => e.Timestamp);
            var expiration = ExpirationOf(latest > at ? latest : at, retention);
            markers.Add(MetricItems.Dirty(group.Key, at, expiration));
        }

        foreach (var month in events.Select(e => UtcCalendar.MonthStartOf(e.Timestamp)).Distinct().Order())
        {
            markers.Add(MetricItems.Month(month, ExpirationOf(month.AddMonths(1), retention)));
        }

        foreach (var type in events.Select(e => e.EventType).Distinct().Order())
        {
            markers.Add(MetricItems.Last(type, at));
        }

        return markers;
    }

    private static string? Problem(TrackingEvent? trackingEvent) => trackingEvent switch
    {
        null => "is null",
        { MessageId: null or "" } => "has no message id",
        { Recipient: null or "" } => "has no recipient",
        _ when !Enum.IsDefined(trackingEvent.EventType) => "has an unknown event type",
        _ => null,
    };

    private string TableOf(string pipeline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pipeline);
        return _options.Pipelines.TryGetValue(pipeline, out var options) && !string.IsNullOrWhiteSpace(options.Table)
            ? options.Table
            : throw new ArgumentException(
                $"Unknown pipeline '{pipeline}' or it has no table. Configured: {string.Join(", ", _options.Pipelines.Keys)}.",
                nameof(pipeline));
    }
}
