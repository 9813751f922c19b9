using System.Diagnostics;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Bench.Metrics;

/// <summary>
/// Loads a store with a number of tracked messages through <see cref="ITrackingStore.StoreAsync"/> (timed), then
/// times <see cref="ITrackingStore.GetCountsAsync"/> over the last whole calendar month and over everything,
/// and checks that the counts add up to what was loaded.
/// </summary>
internal sealed class MetricsBench(TextWriter output)
{
    private const string Pipeline = PipelineDefaults.Outreach;
    private const int Warmup = 5;
    private const int Repeats = 40;
    private static readonly TimeSpan Spread = TimeSpan.FromDays(60);

    public async Task<MetricsMeasurement> RunAsync(MetricsTarget target, int messages, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var tracked = new TrackedMessages(messages, now, Spread);
        var (store, lifetime) = await target.CreateStoreAsync(messages, cancellationToken);
        await using (lifetime)
        {
            var (load, events) = await LoadAsync(target, store, tracked, cancellationToken);
            output.WriteLine(
                $"  {target.Name}: stored {messages} messages ({events} events) in {load.TotalSeconds:F1} s " +
                $"({events / load.TotalSeconds:F0} events/s, {target.LoadParallelism} at once)");

            var thisMonth = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
            var month = new TimeWindow(thisMonth.AddMonths(-1), thisMonth);
            var started = Stopwatch.GetTimestamp();
            await store.GetCountsAsync(Pipeline, month, null, cancellationToken);
            var firstMonth = Stopwatch.GetElapsedTime(started);

            var all = await store.GetCountsAsync(Pipeline, TimeWindow.All, null, cancellationToken);
            if (all.Sent != messages)
            {
                throw new InvalidOperationException($"The {target.Name} store counts {all.Sent} sent messages; {messages} were stored.");
            }

            var before = target.Calls?.Snapshot();
            var monthLatency = await TimeAsync(store, month, cancellationToken);
            var allLatency = await TimeAsync(store, TimeWindow.All, cancellationToken);
            double? callsPerQuery = before is null
                ? null
                : (double)target.Calls!.Snapshot().Since(before).Total / (2 * (Warmup + Repeats));
            var measurement = new MetricsMeasurement(target.Name, messages, events, load, firstMonth, monthLatency, allLatency, callsPerQuery);
            output.WriteLine(
                $"  {target.Name} at {messages}: first month call {firstMonth.TotalMilliseconds:F1} ms; " +
                $"month {monthLatency}; everything {allLatency}" +
                (callsPerQuery is { } calls ? $"; {calls:F1} AWS calls per query" : string.Empty));
            return measurement;
        }
    }

    private static async Task<(TimeSpan Load, long Events)> LoadAsync(
        MetricsTarget target,
        ITrackingStore store,
        TrackedMessages tracked,
        CancellationToken cancellationToken)
    {
        // About 2.35 events per message: slices of messages sized so one StoreAsync call gets the configured events.
        var messagesPerCall = Math.Max(1, (int)(target.EventsPerStore / 2.35));
        var events = 0L;
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, (tracked.Count + messagesPerCall - 1) / messagesPerCall),
            new ParallelOptions { MaxDegreeOfParallelism = target.LoadParallelism, CancellationToken = cancellationToken },
            async (slice, token) =>
            {
                var batch = tracked.Slice(slice * messagesPerCall, messagesPerCall);
                await store.StoreAsync(Pipeline, batch, token);
                Interlocked.Add(ref events, batch.Count);
            });
        stopwatch.Stop();
        return (stopwatch.Elapsed, events);
    }

    private static async Task<LatencySample> TimeAsync(ITrackingStore store, TimeWindow window, CancellationToken cancellationToken)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await store.GetCountsAsync(Pipeline, window, null, cancellationToken);
        }

        var latencies = new List<TimeSpan>(Repeats);
        for (var i = 0; i < Repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await store.GetCountsAsync(Pipeline, window, null, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started));
        }

        return LatencySample.From(latencies);
    }
}
