using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using static SesAnalytics.Aws.DynamoDb.TrackingSchema;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// Puts items with <c>BatchWriteItem</c>, 25 to a call, and repeats the items DynamoDB leaves unprocessed with
/// exponential backoff until all are written or the attempts run out.
/// </summary>
internal sealed class BatchWriter
{
    public const int MaxItemsPerCall = 25;

    /// <summary>Longest call after which stamped items are not trusted to be recent and are written again.</summary>
    public static readonly TimeSpan StampedCallLimit = TimeSpan.FromSeconds(5);

    private const int MaxStampedRounds = 3;

    private static readonly ResiliencePropertyKey<string> TableKey = new("dynamodb-table");

    private readonly IAmazonDynamoDB _client;
    private readonly TimeProvider _time;
    private readonly ResiliencePipeline<int> _retry;

    /// <param name="time">The clock of the stamped items and of call durations.</param>
    /// <param name="options">Attempts and backoff. The backoff waits real time, whatever <paramref name="time"/> is.</param>
    public BatchWriter(IAmazonDynamoDB client, TimeProvider time, DynamoDbOptions options, ILogger logger)
    {
        _client = client;
        _time = time;
        _retry = new ResiliencePipelineBuilder<int>()
            .AddRetry(new RetryStrategyOptions<int>
            {
                ShouldHandle = new PredicateBuilder<int>().HandleResult(unprocessed => unprocessed > 0),
                MaxRetryAttempts = options.BatchWriteMaxAttempts - 1,
                Delay = options.BatchWriteRetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(5),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    DynamoDbLog.BatchRetry(
                        logger,
                        args.Context.Properties.GetValue(TableKey, "?"),
                        args.Outcome.Result,
                        args.AttemptNumber + 2,
                        args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>
    /// Writes <paramref name="items"/>, then the items <paramref name="stamped"/> builds for a given time. Those
    /// follow the others and are built again for every call that carries them (also when only other items of that
    /// call are repeated), so the time they record is never earlier than the start of the last call that wrote items
    /// with them; and when that call took longer than <see cref="StampedCallLimit"/>, they are written once more
    /// with a new time. So a stamped time is at most <see cref="StampedCallLimit"/> older than the writes it follows.
    /// </summary>
    /// <returns>The number of <c>BatchWriteItem</c> calls made.</returns>
    /// <exception cref="DynamoDbWriteIncompleteException">
    /// Items were still unprocessed after the last attempt, or calls kept being slower than <see cref="StampedCallLimit"/>.
    /// </exception>
    public async Task<int> WriteAsync(
        string table,
        IReadOnlyList<Dictionary<string, AttributeValue>> items,
        Func<DateTimeOffset, IReadOnlyList<Dictionary<string, AttributeValue>>>? stamped,
        CancellationToken cancellationToken)
    {
        var stampedCount = stamped?.Invoke(_time.GetUtcNow()).Count ?? 0;
        var calls = 0;
        foreach (var chunk in Plan(items.Count, stampedCount))
        {
            var fixedItems = items.Skip(chunk.ItemStart).Take(chunk.ItemCount).Select(Put).ToList();
            var (chunkCalls, lastCall) = await WriteChunkAsync(table, fixedItems, stamped, chunk, cancellationToken);
            calls += chunkCalls;
            for (var round = 1; chunk.StampedCount > 0 && lastCall > StampedCallLimit; round++)
            {
                if (round == MaxStampedRounds)
                {
                    throw new DynamoDbWriteIncompleteException(
                        $"Calls to DynamoDB table '{table}' kept taking longer than {StampedCallLimit.TotalSeconds} s; " +
                        "the items are stored, the write can be repeated.");
                }

                (chunkCalls, lastCall) = await WriteChunkAsync(table, [], stamped, chunk, cancellationToken);
                calls += chunkCalls;
            }
        }

        return calls;
    }

    /// <summary>Chunks of at most 25: the items in order, then the stamped items filling the last chunk and beyond.</summary>
    private static List<Chunk> Plan(int itemCount, int stampedCount)
    {
        var chunks = new List<Chunk>();
        for (var start = 0; start < itemCount; start += MaxItemsPerCall)
        {
            chunks.Add(new Chunk(start, Math.Min(MaxItemsPerCall, itemCount - start), 0, 0));
        }

        var stampedStart = 0;
        if (chunks.Count > 0 && stampedCount > 0)
        {
            var last = chunks[^1];
            var room = Math.Min(MaxItemsPerCall - last.ItemCount, stampedCount);
            chunks[^1] = last with { StampedCount = room };
            stampedStart = room;
        }

        for (; stampedStart < stampedCount; stampedStart += MaxItemsPerCall)
        {
            chunks.Add(new Chunk(0, 0, stampedStart, Math.Min(MaxItemsPerCall, stampedCount - stampedStart)));
        }

        return chunks;
    }

    /// <summary>Writes one chunk, repeating what is left unprocessed; returns the calls made and how long the last took.</summary>
    private async Task<(int Calls, TimeSpan LastCall)> WriteChunkAsync(
        string table,
        List<WriteRequest> fixedItems,
        Func<DateTimeOffset, IReadOnlyList<Dictionary<string, AttributeValue>>>? stamped,
        Chunk chunk,
        CancellationToken cancellationToken)
    {
        var pending = fixedItems;
        var calls = 0;
        var lastCall = TimeSpan.Zero;
        HashSet<string>? stampedKeys = null;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(TableKey, table);
        try
        {
            var unprocessed = await _retry.ExecuteAsync(
                async attempt =>
                {
                    var requests = new List<WriteRequest>(pending);
                    if (stamped is not null && chunk.StampedCount > 0)
                    {
                        var fresh = stamped(_time.GetUtcNow()).Skip(chunk.StampedStart).Take(chunk.StampedCount).ToList();
                        stampedKeys ??= fresh.Select(KeyOf).ToHashSet(StringComparer.Ordinal);
                        requests.AddRange(fresh.Select(Put));
                    }

                    var started = _time.GetTimestamp();
                    var response = await _client.BatchWriteItemAsync(
                        new BatchWriteItemRequest
                        {
                            RequestItems = new Dictionary<string, List<WriteRequest>>(StringComparer.Ordinal) { [table] = requests },
                        },
                        attempt.CancellationToken);
                    calls++;
                    lastCall = _time.GetElapsedTime(started);
                    var left = response.UnprocessedItems?.GetValueOrDefault(table) ?? [];
                    pending = left.Where(request => stampedKeys is null || !stampedKeys.Contains(KeyOf(request.PutRequest.Item))).ToList();
                    return left.Count;
                },
                context);
            if (unprocessed > 0)
            {
                throw new DynamoDbWriteIncompleteException(
                    $"DynamoDB left {unprocessed} item(s) of table '{table}' unprocessed after {calls} attempts; " +
                    "nothing was lost, the write can be repeated.");
            }

            return (calls, lastCall);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static WriteRequest Put(Dictionary<string, AttributeValue> item) => new() { PutRequest = new PutRequest { Item = item } };

    private static string KeyOf(Dictionary<string, AttributeValue> item) =>
        item[Pk].S + "\n" + item[Sk].S;

    private readonly record struct Chunk(int ItemStart, int ItemCount, int StampedStart, int StampedCount);
}
