using System.Diagnostics;
using SesAnalytics.Core.Events;
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
    private const int AfterWriteRepeats = 15;
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

            await Task.Delay(target.Settle, cancellationToken);
            var (monthLatency, monthCalls) = await TimeAsync(target, store, month, cancellationToken);
            var (allLatency, allCalls) = await TimeAsync(target, store, TimeWindow.All, cancellationToken);
            double? callsPerQuery = target.Calls is null ? null : (double)(monthCalls + allCalls) / (2 * Repeats);
            var afterWrite = await TimeAfterWritesAsync(store, cancellationToken);
            var probe = target.ProbeAsync is { } probeAsync ? await TimeProbeAsync(store, probeAsync, cancellationToken) : null;
            var measurement = new MetricsMeasurement(
                target.Name, messages, events, load, firstMonth, monthLatency, allLatency, afterWrite, probe, callsPerQuery);
            output.WriteLine(
                $"  {target.Name} at {messages}: first month call {firstMonth.TotalMilliseconds:F1} ms; " +
                $"month {monthLatency}; everything {allLatency}; everything after a write {afterWrite}" +
                (callsPerQuery is { } calls ? $"; {calls:F1} AWS calls per query" : string.Empty) +
                (probe is null ? string.Empty : $"; backend probe {probe}"));
            return measurement;
        }
    }

    private async Task<(TimeSpan Load, long Events)> LoadAsync(
        MetricsTarget target,
        ITrackingStore store,
        TrackedMessages tracked,
        CancellationToken cancellationToken)
    {
        // About 2.35 events per message: slices of messages sized so one StoreAsync call gets the configured events.
        var messagesPerCall = Math.Max(1, (int)(target.EventsPerStore / 2.35));
        var slices = (tracked.Count + messagesPerCall - 1) / messagesPerCall;
        var progressEvery = Math.Max(1, slices / 10);
        var (events, done) = (0L, 0);
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, slices),
            new ParallelOptions { MaxDegreeOfParallelism = target.LoadParallelism, CancellationToken = cancellationToken },
            async (slice, token) =>
            {
                var batch = tracked.Slice(slice * messagesPerCall, messagesPerCall);
                await store.StoreAsync(Pipeline, batch, token);
                var total = Interlocked.Add(ref events, batch.Count);
                var finished = Interlocked.Increment(ref done);
                if (finished % progressEvery == 0)
                {
                    output.WriteLine(
                        $"    {finished * 100L / slices}% loaded: {total} events in {stopwatch.Elapsed.TotalSeconds:F0} s " +
                        $"({total / stopwatch.Elapsed.TotalSeconds:F0} events/s)");
                }
            });
        stopwatch.Stop();
        return (stopwatch.Elapsed, events);
    }

    /// <summary>
    /// Stores one new message sent today (untimed), then times one count over everything, again and again: the
    /// reads a dashboard makes while the drain keeps writing.
    /// </summary>
    private static async Task<LatencySample> TimeAfterWritesAsync(ITrackingStore store, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var latencies = new List<TimeSpan>(AfterWriteRepeats);
        for (var i = 0; i < AfterWriteRepeats; i++)
        {
            var sentAt = now.AddMinutes(-1).AddMilliseconds(i);
            await store.StoreAsync(
                Pipeline,
                [
                    new TrackingEvent
                    {
                        MessageId = $"0100benchlive{i:D6}",
                        EventType = SesEventType.Send,
                        Recipient = "live@example.com",
                        Timestamp = sentAt,
                        SentAt = sentAt,
                    },
                ],
                cancellationToken);
            var started = Stopwatch.GetTimestamp();
            await store.GetCountsAsync(Pipeline, TimeWindow.All, null, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started));
        }

        return LatencySample.From(latencies);
    }

    private static async Task<LatencySample> TimeProbeAsync(
        ITrackingStore store,
        Func<ITrackingStore, CancellationToken, Task> probe,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await probe(store, cancellationToken);
        }

        var latencies = new List<TimeSpan>(Repeats);
        for (var i = 0; i < Repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await probe(store, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started));
        }

        return LatencySample.From(latencies);
    }

    /// <summary>Warm-up calls, then timed calls; returns their latencies and the AWS calls the timed ones made.</summary>
    private static async Task<(LatencySample Latency, long Calls)> TimeAsync(
        MetricsTarget target,
        ITrackingStore store,
        TimeWindow window,
        CancellationToken cancellationToken)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await store.GetCountsAsync(Pipeline, window, null, cancellationToken);
        }

        var before = target.Calls?.Snapshot();
        var latencies = new List<TimeSpan>(Repeats);
        for (var i = 0; i < Repeats; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await store.GetCountsAsync(Pipeline, window, null, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started));
        }

        var calls = before is null ? 0 : target.Calls!.Snapshot().Since(before).Total;
        return (LatencySample.From(latencies), calls);
    }
}
