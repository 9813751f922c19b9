using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Diagnostics;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Suppression;

namespace SesAnalytics.Core.Draining;

/// <summary>
/// Drains one pipeline's event queue into the tracking store: the one implementation every pipeline uses.
/// A message is deleted only after its events are stored (or when it carries none by design); an unreadable
/// message, or one the store refuses, stays on the queue until the queue moves it to the dead-letter queue.
/// </summary>
public sealed class DrainService(
    IEventQueues queues,
    ITrackingStore store,
    SuppressionPolicy suppression,
    IOptions<DrainOptions> options,
    SesAnalyticsTelemetry telemetry,
    TimeProvider time,
    ILogger<DrainService> logger)
{
    private readonly DrainOptions _options = options.Value;

    /// <summary>
    /// Receives batches until the queue is empty or the time budget is spent, with the configured number of
    /// receivers. Throws <see cref="DrainFailedException"/> when the store refused any message.
    /// </summary>
    public async Task<DrainReport> DrainAsync(string pipeline, CancellationToken cancellationToken)
    {
        using var activity = SesAnalyticsTelemetry.ActivitySource.StartActivity("drain");
        activity?.SetTag("sesanalytics.pipeline", pipeline);
        var started = time.GetTimestamp();
        var deadline = started + (long)(_options.TimeBudget.TotalSeconds * time.TimestampFrequency);
        var tally = new Tally();

        var receivers = Enumerable.Range(0, _options.ConcurrentReceivers)
            .Select(_ => ReceiveUntilEmptyAsync(pipeline, deadline, tally, cancellationToken));
        await Task.WhenAll(receivers);

        var duration = time.GetElapsedTime(started);
        var report = tally.ToReport(duration);
        telemetry.Drained(pipeline, duration);
        if (report.Received == 0)
        {
            // An idle pipeline drained every few seconds would otherwise fill the log with empty reports.
            Log.QueueEmpty(logger, pipeline, (long)duration.TotalMilliseconds);
            return report;
        }

        Log.DrainCompleted(
            logger,
            pipeline,
            report.Received,
            report.Stored,
            report.Events,
            report.Ignored,
            report.Invalid,
            report.StoreFailures,
            report.Batches,
            (long)duration.TotalMilliseconds);

        if (report.StoreFailures > 0)
        {
            throw new DrainFailedException(
                $"The store refused {report.StoreFailures} message(s) of pipeline '{pipeline}'; they stay on the queue.")
            {
                Report = report,
            };
        }

        return report;
    }

    private async Task ReceiveUntilEmptyAsync(string pipeline, long deadline, Tally tally, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (time.GetTimestamp() >= deadline)
            {
                Log.TimeBudgetReached(logger, pipeline, _options.TimeBudget.TotalSeconds);
                return;
            }

            var messages = await queues.ReceiveAsync(pipeline, _options.BatchSize, _options.ReceiveWait, cancellationToken);
            if (messages.Count == 0)
            {
                return;
            }

            telemetry.BatchReceived(pipeline, messages.Count);
            await ProcessBatchAsync(pipeline, messages, tally, cancellationToken);
        }
    }

    private async Task ProcessBatchAsync(
        string pipeline,
        IReadOnlyList<QueueMessage> messages,
        Tally tally,
        CancellationToken cancellationToken)
    {
        tally.Batch(messages.Count);
        var readable = new List<(QueueMessage Message, IReadOnlyList<TrackingEvent> Events)>(messages.Count);
        var ignored = new List<QueueMessage>();
        foreach (var message in messages)
        {
            var result = SesMessageReader.Read(message.Body);
            switch (result.Status)
            {
                case ReadStatus.Ok:
                    readable.Add((message, result.Events));
                    break;
                case ReadStatus.Ignored:
                    Log.MessageIgnored(logger, pipeline, message.MessageId, result.Reason);
                    telemetry.MessageIgnored(pipeline);
                    ignored.Add(message);
                    break;
                default:
                    Log.MessageInvalid(logger, pipeline, message.MessageId, message.ReceiveCount, result.Reason);
                    telemetry.MessageRefused(pipeline, "invalid");
                    await queues.RecordFailureAsync(pipeline, message, result.Reason ?? "unreadable", cancellationToken);
                    tally.Add(invalid: 1);
                    break;
            }
        }

        var stored = await StoreAsync(pipeline, readable, tally, cancellationToken);
        var done = stored.Concat(ignored).ToList();
        if (done.Count > 0)
        {
            await queues.DeleteAsync(pipeline, done, cancellationToken);
        }

        tally.Add(ignored: ignored.Count);
    }

    /// <summary>
    /// Stores the batch in one call; when that fails, stores message by message so that one message the store
    /// refuses does not hold back the others. Returns the messages whose events are stored.
    /// </summary>
    private async Task<IReadOnlyList<QueueMessage>> StoreAsync(
        string pipeline,
        List<(QueueMessage Message, IReadOnlyList<TrackingEvent> Events)> readable,
        Tally tally,
        CancellationToken cancellationToken)
    {
        if (readable.Count == 0)
        {
            return [];
        }

        var batchEvents = Distinct(readable.SelectMany(r => r.Events));
        await using var keepInvisible = KeepInvisible(pipeline, readable.Select(r => r.Message).ToList(), cancellationToken);
        try
        {
            await StoreEventsAsync(pipeline, batchEvents, cancellationToken);
            tally.Add(stored: readable.Count, events: batchEvents.Count);
            return readable.Select(r => r.Message).ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.BatchStoreFailed(logger, e, pipeline, readable.Count);
        }

        var stored = new List<QueueMessage>(readable.Count);
        foreach (var (message, events) in readable)
        {
            try
            {
                var distinct = Distinct(events);
                await StoreEventsAsync(pipeline, distinct, cancellationToken);
                stored.Add(message);
                tally.Add(stored: 1, events: distinct.Count);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.MessageStoreFailed(logger, e, pipeline, message.MessageId, message.ReceiveCount);
                telemetry.MessageRefused(pipeline, "store");
                await queues.RecordFailureAsync(pipeline, message, $"store refused it: {e.GetType().Name}: {e.Message}", cancellationToken);
                tally.Add(storeFailures: 1);
            }
        }

        return stored;
    }

    private async Task StoreEventsAsync(string pipeline, IReadOnlyList<TrackingEvent> events, CancellationToken cancellationToken)
    {
        await store.StoreAsync(pipeline, events, cancellationToken);
        foreach (var group in events.GroupBy(e => e.EventType))
        {
            telemetry.EventStored(pipeline, group.Key, group.Count());
        }

        await suppression.ApplyAsync(pipeline, events, cancellationToken);
    }

    private static List<TrackingEvent> Distinct(IEnumerable<TrackingEvent> events) =>
        events.DistinctBy(e => e.Key, StringComparer.Ordinal).ToList();

    /// <summary>Extends the messages' visibility at intervals until disposed, so a slow store does not let them reappear.</summary>
    private VisibilityKeeper KeepInvisible(string pipeline, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken) =>
        new(stop => ExtendVisibilityUntilStoppedAsync(pipeline, messages, stop), cancellationToken);

    private async Task ExtendVisibilityUntilStoppedAsync(
        string pipeline,
        IReadOnlyList<QueueMessage> messages,
        CancellationToken stop)
    {
        var extension = _options.VisibilityExtension;
        while (true)
        {
            await Task.Delay(extension / 3, time, stop);
            await queues.ExtendVisibilityAsync(pipeline, messages, extension, stop);
            Log.VisibilityExtended(logger, pipeline, messages.Count);
        }
    }

    private sealed class VisibilityKeeper : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop;
        private readonly Task _loop;

        public VisibilityKeeper(Func<CancellationToken, Task> loop, CancellationToken cancellationToken)
        {
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _loop = loop(_stop.Token);
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
                // Stopping the loop is what disposal is for.
            }

            _stop.Dispose();
        }
    }

    private sealed class Tally
    {
        private int _received;
        private int _stored;
        private int _ignored;
        private int _invalid;
        private int _storeFailures;
        private int _events;
        private int _batches;

        public void Batch(int size)
        {
            Interlocked.Add(ref _received, size);
            Interlocked.Increment(ref _batches);
        }

        public void Add(int stored = 0, int events = 0, int ignored = 0, int invalid = 0, int storeFailures = 0)
        {
            Interlocked.Add(ref _stored, stored);
            Interlocked.Add(ref _events, events);
            Interlocked.Add(ref _ignored, ignored);
            Interlocked.Add(ref _invalid, invalid);
            Interlocked.Add(ref _storeFailures, storeFailures);
        }

        public DrainReport ToReport(TimeSpan duration) =>
            new(_received, _stored, _ignored, _invalid, _storeFailures, _events, _batches, duration);
    }
}
