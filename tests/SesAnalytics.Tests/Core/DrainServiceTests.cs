using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using SesAnalytics.Core.Diagnostics;
using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Tests.Core;

public sealed class DrainServiceTests : IDisposable
{
    private const string Pipeline = "outreach";
    private readonly IEventQueues _queues = Substitute.For<IEventQueues>();
    private readonly ITrackingStore _store = Substitute.For<ITrackingStore>();
    private readonly ISuppressionList _suppressions = Substitute.For<ISuppressionList>();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 13, 10, 0, 0, TimeSpan.Zero));
    private readonly TestMeterFactory _meters = new();
    private readonly SesAnalyticsTelemetry _telemetry;
    private readonly DrainOptions _options = new() { ConcurrentReceivers = 1, ReceiveWait = TimeSpan.Zero };

    public DrainServiceTests() => _telemetry = new SesAnalyticsTelemetry(_meters);

    public void Dispose()
    {
        _telemetry.Dispose();
        _meters.Dispose();
    }

    [Fact]
    public async Task DrainAsync_MixedBatch_DeletesStoredAndIgnoredAndLeavesInvalid()
    {
        var delivery = Message("m1", Delivery("0100-a"));
        var control = Message("m2", """{"Type":"SubscriptionConfirmation","Message":"confirm","SubscribeURL":"https://example.com"}""");
        var poison = Message("m3", "{ truncated");
        Batches([delivery, control, poison]);

        var report = await Drain().DrainAsync(Pipeline, CancellationToken.None);

        Assert.Equal((3, 1, 1, 1, 1), (report.Received, report.Stored, report.Ignored, report.Invalid, report.Events));
        await _store.Received(1).StoreAsync(Pipeline, Arg.Is<IReadOnlyList<TrackingEvent>>(e => e.Single().MessageId == "0100-a"), Arg.Any<CancellationToken>());
        await _queues.Received(1).DeleteAsync(Pipeline, Arg.Is<IReadOnlyList<QueueMessage>>(m => m.Select(x => x.MessageId).SequenceEqual(new[] { "m1", "m2" })), Arg.Any<CancellationToken>());
        await _queues.Received(1).RecordFailureAsync(Pipeline, poison, Arg.Is<string>(r => r.Length > 0), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DrainAsync_StoreRefusesOneMessage_OthersAreStoredAndTheDrainFails()
    {
        var good = Message("m1", Delivery("0100-good"));
        var bad = Message("m2", Delivery("0100-bad"));
        Batches([good, bad]);
        _store.StoreAsync(Pipeline, Arg.Is<IReadOnlyList<TrackingEvent>>(e => e.Any(x => x.MessageId == "0100-bad")), Arg.Any<CancellationToken>())
            .ThrowsAsync(new InvalidOperationException("item too large"));

        var failure = await Assert.ThrowsAsync<DrainFailedException>(() => Drain().DrainAsync(Pipeline, CancellationToken.None));

        Assert.Equal(1, failure.Report!.Stored);
        Assert.Equal(1, failure.Report.StoreFailures);
        await _queues.Received(1).DeleteAsync(Pipeline, Arg.Is<IReadOnlyList<QueueMessage>>(m => m.Single().MessageId == "m1"), Arg.Any<CancellationToken>());
        await _queues.Received(1).RecordFailureAsync(Pipeline, bad, Arg.Is<string>(r => r.Contains("item too large", StringComparison.Ordinal)), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DrainAsync_StoreDown_NothingIsDeleted()
    {
        Batches([Message("m1", Delivery("0100-a")), Message("m2", Delivery("0100-b"))]);
        _store.StoreAsync(default!, default!, default).ThrowsAsyncForAnyArgs(new TimeoutException("store unreachable"));

        var failure = await Assert.ThrowsAsync<DrainFailedException>(() => Drain().DrainAsync(Pipeline, CancellationToken.None));

        Assert.Equal(2, failure.Report!.StoreFailures);
        await _queues.DidNotReceiveWithAnyArgs().DeleteAsync(default!, default!, default);
    }

    [Fact]
    public async Task DrainAsync_DuplicateEventsInOneBatch_StoredOnce()
    {
        var body = Delivery("0100-a");
        Batches([Message("m1", body), Message("m2", body)]);

        var report = await Drain().DrainAsync(Pipeline, CancellationToken.None);

        Assert.Equal(1, report.Events);
        await _store.Received(1).StoreAsync(Pipeline, Arg.Is<IReadOnlyList<TrackingEvent>>(e => e.Count == 1), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DrainAsync_TimeBudgetSpent_TakesNoNewBatch()
    {
        _options.TimeBudget = TimeSpan.FromSeconds(10);
        var receives = 0;
        _queues.ReceiveAsync(Pipeline, Arg.Any<int>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>()).Returns(_ =>
        {
            receives++;
            _time.Advance(TimeSpan.FromSeconds(6));
            return new[] { Message($"m{receives}", Delivery($"0100-{receives}")) };
        });

        var report = await Drain().DrainAsync(Pipeline, CancellationToken.None);

        Assert.Equal(2, receives);
        Assert.Equal(2, report.Stored);
    }

    [Fact]
    public async Task DrainAsync_SlowStore_KeepsTheBatchInvisible()
    {
        _options.VisibilityExtension = TimeSpan.FromSeconds(30);
        Batches([Message("m1", Delivery("0100-a"))]);
        var release = new TaskCompletionSource();
        _store.StoreAsync(default!, default!, default).ReturnsForAnyArgs(_ => release.Task);
        var extended = new TaskCompletionSource();
        _queues.ExtendVisibilityAsync(default!, default!, default, default).ReturnsForAnyArgs(_ =>
        {
            extended.TrySetResult();
            return Task.CompletedTask;
        });

        var drain = Drain().DrainAsync(Pipeline, CancellationToken.None);
        while (!extended.Task.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(10);
        }

        release.SetResult();
        await drain;

        await _queues.Received().ExtendVisibilityAsync(Pipeline, Arg.Any<IReadOnlyList<QueueMessage>>(), TimeSpan.FromSeconds(30), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task DrainAsync_Batch_CountsStoredEventsAndRefusedMessagesInTelemetry()
    {
        using var stored = new MetricCollector<long>(_meters, SesAnalyticsTelemetry.Name, "sesanalytics.events.stored");
        using var refused = new MetricCollector<long>(_meters, SesAnalyticsTelemetry.Name, "sesanalytics.messages.refused");
        Batches([Message("m1", Delivery("0100-a")), Message("m2", "not json")]);

        await Drain().DrainAsync(Pipeline, CancellationToken.None);

        var storedMeasurement = Assert.Single(stored.GetMeasurementSnapshot());
        Assert.Equal(1, storedMeasurement.Value);
        Assert.Equal("DELIVERY", storedMeasurement.Tags["event_type"]);
        Assert.Equal(Pipeline, storedMeasurement.Tags["pipeline"]);
        Assert.Equal("invalid", Assert.Single(refused.GetMeasurementSnapshot()).Tags["cause"]);
    }

    private DrainService Drain() => new(
        _queues,
        _store,
        new SuppressionPolicy(_suppressions, _store, Options.Create(new SuppressionOptions()), _time, NullLogger<SuppressionPolicy>.Instance),
        Options.Create(_options),
        _telemetry,
        _time,
        NullLogger<DrainService>.Instance);

    private void Batches(params QueueMessage[][] batches)
    {
        var results = batches.Select(b => (IReadOnlyList<QueueMessage>)b).Append([]).ToArray();
        _queues.ReceiveAsync(Pipeline, Arg.Any<int>(), Arg.Any<TimeSpan>(), Arg.Any<CancellationToken>())
            .Returns(results[0], results[1..]);
    }

    private QueueMessage Message(string id, string body) => new(id, body, "receipt-" + id, 1, _time.GetUtcNow());

    private static string Delivery(string messageId) => $$$"""
        {"eventType":"Delivery","mail":{"timestamp":"2026-01-13T10:00:00.000Z","messageId":"{{{messageId}}}",
         "destination":["ana@example.com"],"tags":{"campaign":["spring"]}},
         "delivery":{"timestamp":"2026-01-13T10:00:01.000Z","recipients":["ana@example.com"]}}
        """;

    private sealed class TestMeterFactory : System.Diagnostics.Metrics.IMeterFactory
    {
        private readonly List<System.Diagnostics.Metrics.Meter> _meters = [];

        public System.Diagnostics.Metrics.Meter Create(System.Diagnostics.Metrics.MeterOptions options)
        {
            options.Scope = this;
            var meter = new System.Diagnostics.Metrics.Meter(options);
            _meters.Add(meter);
            return meter;
        }

        public void Dispose() => _meters.ForEach(m => m.Dispose());
    }
}
