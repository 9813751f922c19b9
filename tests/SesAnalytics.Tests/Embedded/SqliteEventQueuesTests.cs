using Microsoft.Extensions.Time.Testing;
using SesAnalytics.Core.Providers;
using SesAnalytics.Embedded;

namespace SesAnalytics.Tests.Embedded;

/// <summary>The SQLite queues' timing, durability and isolation, on a fake clock (the conformance tests cover the rest).</summary>
public sealed class SqliteEventQueuesTests : IDisposable
{
    private const string Pipeline = "outreach";

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = EmbeddedHarness.NewClock();
    private readonly EmbeddedHarness _harness;

    public SqliteEventQueuesTests() => _harness = EmbeddedHarness.Create(_folder.Path, _time, Settings);

    private static Dictionary<string, string?> Settings => new()
    {
        [$"{EmbeddedOptions.SectionName}:VisibilityTimeout"] = "00:00:30",
        [$"{EmbeddedOptions.SectionName}:MaxReceiveCount"] = "2",
    };

    private IEventQueues Queues => _harness.Queues;

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task ReceiveAsync_VisibilityTimeoutPassedWithoutDelete_HandsTheMessageOutAgain()
    {
        await Queues.SendAsync(Pipeline, ["{}"], CancellationToken.None);
        var first = Assert.Single(await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None));

        _time.Advance(TimeSpan.FromSeconds(29));
        var tooEarly = await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var again = await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None);

        Assert.Empty(tooEarly);
        Assert.Equal(first.MessageId, Assert.Single(again).MessageId);
        Assert.Equal(2, again[0].ReceiveCount);
    }

    [Fact]
    public async Task ExtendVisibilityAsync_Longer_KeepsTheMessageHiddenPastTheTimeout()
    {
        await Queues.SendAsync(Pipeline, ["{}"], CancellationToken.None);
        var message = Assert.Single(await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(20));

        await Queues.ExtendVisibilityAsync(Pipeline, [message], TimeSpan.FromMinutes(2), CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(119));
        var hidden = await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        var back = await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None);

        Assert.Empty(hidden);
        Assert.Single(back);
    }

    [Fact]
    public async Task DeleteAsync_StaleReceiptHandle_LeavesTheMessage()
    {
        await Queues.SendAsync(Pipeline, ["{}"], CancellationToken.None);
        var stale = Assert.Single(await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None));
        _time.Advance(TimeSpan.FromSeconds(30));
        var current = Assert.Single(await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None));

        await Queues.DeleteAsync(Pipeline, [stale], CancellationToken.None);
        var afterStale = await Queues.GetStatusAsync(Pipeline, CancellationToken.None);
        await Queues.DeleteAsync(Pipeline, [current], CancellationToken.None);
        var afterCurrent = await Queues.GetStatusAsync(Pipeline, CancellationToken.None);

        Assert.Equal(1, afterStale.InFlight);
        Assert.Equal(new QueueStatus(0, 0, null, 0), afterCurrent);
    }

    [Fact]
    public async Task ReceiveAsync_ReceivedMaxReceiveCountTimes_DeadLettersAtTheNextAttemptOnly()
    {
        await Queues.SendAsync(Pipeline, ["{\"poison\":true}", "{\"fine\":true}"], CancellationToken.None);
        var first = await Queues.ReceiveAsync(Pipeline, 1, TimeSpan.Zero, CancellationToken.None);
        await Queues.RecordFailureAsync(Pipeline, first[0], "first failure", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        var second = await Queues.ReceiveAsync(Pipeline, 1, TimeSpan.Zero, CancellationToken.None);
        await Queues.RecordFailureAsync(Pipeline, second[0], "second failure", CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        var beforeAttempt = await Queues.GetStatusAsync(Pipeline, CancellationToken.None);

        var third = await Queues.ReceiveAsync(Pipeline, 1, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("{\"poison\":true}", second[0].Body);
        Assert.Equal(new QueueStatus(2, 0, TimeSpan.FromSeconds(60), 0), beforeAttempt);
        Assert.Equal("{\"fine\":true}", Assert.Single(third).Body);
        var deadLetter = Assert.Single(await Queues.ListDeadLettersAsync(Pipeline, 10, includeBodies: true, CancellationToken.None));
        Assert.Equal(new DeadLetter(first[0].MessageId, 2, "second failure", "{\"poison\":true}"), deadLetter);
    }

    [Fact]
    public async Task RedriveDeadLettersAsync_DeadLetter_ComesBackWithFreshReceiveCountAndNoReason()
    {
        await Queues.SendAsync(Pipeline, ["{}"], CancellationToken.None);
        for (var receive = 0; receive < 2; receive++)
        {
            var message = await Queues.ReceiveAsync(Pipeline, 1, TimeSpan.Zero, CancellationToken.None);
            await Queues.RecordFailureAsync(Pipeline, message[0], "bad", CancellationToken.None);
            _time.Advance(TimeSpan.FromSeconds(30));
        }

        Assert.Empty(await Queues.ReceiveAsync(Pipeline, 1, TimeSpan.Zero, CancellationToken.None));

        var moved = await Queues.RedriveDeadLettersAsync(Pipeline, CancellationToken.None);
        var back = await Queues.ReceiveAsync(Pipeline, 1, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(1, moved);
        Assert.Equal(1, Assert.Single(back).ReceiveCount);
        Assert.Empty(await Queues.ListDeadLettersAsync(Pipeline, 10, includeBodies: false, CancellationToken.None));
        await Queues.DeleteAsync(Pipeline, back, CancellationToken.None);
        Assert.Equal(new QueueStatus(0, 0, null, 0), await Queues.GetStatusAsync(Pipeline, CancellationToken.None));
    }

    [Fact]
    public async Task ReceiveAsync_NewProviderAfterReceiveWithoutDelete_HandsTheMessageOutAfterTheTimeout()
    {
        await Queues.SendAsync(Pipeline, ["{\"kept\":true}", "{\"waiting\":true}"], CancellationToken.None);
        var inFlight = await Queues.ReceiveAsync(Pipeline, 1, TimeSpan.Zero, CancellationToken.None);
        _harness.Dispose();

        using var restarted = EmbeddedHarness.Create(_folder.Path, _time, Settings);
        var before = await restarted.Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None);
        await restarted.Queues.DeleteAsync(Pipeline, before, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(30));
        var after = await restarted.Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal("{\"waiting\":true}", Assert.Single(before).Body);
        var returned = Assert.Single(after);
        Assert.Equal(inFlight[0].MessageId, returned.MessageId);
        Assert.Equal(2, returned.ReceiveCount);
    }

    [Fact]
    public async Task SendAsync_TwoProvidersOverOneFolder_ShareTheQueueWhileBothWrite()
    {
        using var other = EmbeddedHarness.Create(_folder.Path, _time, Settings);
        var bodies = Enumerable.Range(0, 40).Select(i => $"{{\"n\":{i}}}").ToList();

        await Task.WhenAll(
            Task.Run(() => Queues.SendAsync(Pipeline, bodies[..20], CancellationToken.None)),
            Task.Run(() => other.Queues.SendAsync(Pipeline, bodies[20..], CancellationToken.None)));
        var received = new List<QueueMessage>();
        while (await other.Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None) is { Count: > 0 } batch)
        {
            received.AddRange(batch);
        }

        Assert.Equal(bodies.Order(), received.Select(m => m.Body).Order());
    }

    [Fact]
    public async Task ReceiveAsync_OtherPipeline_DoesNotSeeTheMessages()
    {
        await Queues.SendAsync("financial", ["{}"], CancellationToken.None);

        var outreach = await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None);
        var financial = await Queues.ReceiveAsync("financial", 10, TimeSpan.Zero, CancellationToken.None);

        Assert.Empty(outreach);
        Assert.Single(financial);
        Assert.Equal(new QueueStatus(0, 0, null, 0), await Queues.GetStatusAsync(Pipeline, CancellationToken.None));
    }

    [Fact]
    public async Task ReceiveAsync_WaitingWhileAMessageArrives_ReturnsItBeforeTheWaitEnds()
    {
        var waiting = Queues.ReceiveAsync(Pipeline, 10, TimeSpan.FromSeconds(10), CancellationToken.None);
        await Queues.SendAsync(Pipeline, ["{}"], CancellationToken.None);

        for (var step = 0; step < 50 && !waiting.IsCompleted; step++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(TimeSpan.FromMilliseconds(20));
        }

        Assert.True(waiting.IsCompleted, "The receive did not return within five fake seconds.");
        Assert.Single(await waiting);
    }

    [Fact]
    public async Task ReceiveAsync_ConcurrentConsumers_NeverShareAMessage()
    {
        var bodies = Enumerable.Range(0, 60).Select(i => $"{{\"n\":{i}}}").ToList();
        await Queues.SendAsync(Pipeline, bodies, CancellationToken.None);

        var consumers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = new List<QueueMessage>();
            while (await Queues.ReceiveAsync(Pipeline, 7, TimeSpan.Zero, CancellationToken.None) is { Count: > 0 } batch)
            {
                mine.AddRange(batch);
            }

            return mine;
        }));
        var received = (await Task.WhenAll(consumers)).SelectMany(m => m).ToList();

        Assert.Equal(bodies.Order(), received.Select(m => m.Body).Order());
    }

    [Fact]
    public async Task SendAsync_EmptyBody_ThrowsNamingTheBody()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Queues.SendAsync(Pipeline, ["{}", ""], CancellationToken.None));

        Assert.Contains("bodies[1] is empty", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await Queues.GetStatusAsync(Pipeline, CancellationToken.None)).Visible);
    }
}
