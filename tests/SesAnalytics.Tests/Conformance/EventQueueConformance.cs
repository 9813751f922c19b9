using System.Diagnostics;
using SesAnalytics.Core.Providers;

namespace SesAnalytics.Tests.Conformance;

/// <summary>
/// What every <see cref="IEventQueues"/> must do, whatever serves it: receive with visibility and receive counts,
/// delete, visibility changes, dead-lettering after the configured receives, redrive and status. A provider's test
/// class derives from this one and supplies a new, empty pipeline queue per test. Assertions on status and redrive
/// poll for up to <see cref="SettleTimeout"/>, since queues like SQS report approximate, eventually consistent
/// numbers.
/// </summary>
public abstract class EventQueueConformance : IAsyncLifetime
{
    private IEventQueues? _queues;
    private string? _pipeline;

    /// <summary>The provider under test.</summary>
    protected IEventQueues Queues => _queues ?? throw new InvalidOperationException("CreateQueuesAsync has not run.");

    /// <summary>The pipeline whose queue the tests use.</summary>
    protected string Pipeline => _pipeline ?? throw new InvalidOperationException("CreateQueuesAsync has not run.");

    /// <summary>
    /// Receives after which the provider moves a message to the dead-letter queue (the redrive policy's maxReceiveCount).
    /// </summary>
    protected abstract int MaxReceiveCount { get; }

    /// <summary>How long a change may take to show in status, in the dead-letter queue or after a redrive.</summary>
    protected virtual TimeSpan SettleTimeout => TimeSpan.FromSeconds(15);

    /// <summary>Whether <see cref="QueueStatus.OldestAge"/> is reported for a queue with waiting messages.</summary>
    protected virtual bool ReportsOldestAge => true;

    /// <summary>The wait each receive of the tests asks for.</summary>
    protected virtual TimeSpan ReceiveWait => TimeSpan.FromSeconds(1);

    public async Task InitializeAsync() => (_queues, _pipeline) = await CreateQueuesAsync();

    public Task DisposeAsync() => DisposeQueuesAsync();

    /// <summary>A provider and a pipeline whose queue and dead-letter queue exist and are empty, for one test.</summary>
    protected abstract Task<(IEventQueues Queues, string Pipeline)> CreateQueuesAsync();

    /// <summary>Releases what <see cref="CreateQueuesAsync"/> made.</summary>
    protected abstract Task DisposeQueuesAsync();

    [Fact]
    public async Task ReceiveAsync_SentBodies_ReturnsEachOnceWithReceiveCountOne()
    {
        string[] bodies = ["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"];
        var before = DateTimeOffset.UtcNow;

        await Queues.SendAsync(Pipeline, bodies, CancellationToken.None);
        var received = await ReceiveAtLeastAsync(3);

        Assert.Equal(bodies.Order(), received.Select(m => m.Body).Order());
        Assert.All(received, m => Assert.Equal(1, m.ReceiveCount));
        Assert.Equal(3, received.Select(m => m.MessageId).Distinct().Count());
        var slack = TimeSpan.FromMinutes(5);
        Assert.All(received, m => Assert.InRange(m.SentAt, before - slack, DateTimeOffset.UtcNow + slack));
    }

    [Fact]
    public async Task SendAsync_MoreBodiesThanOneBatch_DeliversThemAll()
    {
        var bodies = Enumerable.Range(0, 23).Select(i => $"{{\"n\":{i}}}").ToList();

        await Queues.SendAsync(Pipeline, bodies, CancellationToken.None);
        var received = await ReceiveAtLeastAsync(bodies.Count);

        Assert.Equal(bodies.Order(), received.Select(m => m.Body).Order());
    }

    [Fact]
    public async Task ReceiveAsync_MessageInFlight_IsNotHandedOutAgain()
    {
        await Queues.SendAsync(Pipeline, ["{}"], CancellationToken.None);
        await ReceiveAtLeastAsync(1);

        var again = await Queues.ReceiveAsync(Pipeline, 10, ReceiveWait, CancellationToken.None);

        Assert.Empty(again);
    }

    [Fact]
    public async Task DeleteAsync_ReceivedMessage_NeverComesBack()
    {
        await Queues.SendAsync(Pipeline, ["{}"], CancellationToken.None);
        var received = await ReceiveAtLeastAsync(1);

        await Queues.DeleteAsync(Pipeline, received, CancellationToken.None);

        Assert.Empty(await Queues.ReceiveAsync(Pipeline, 10, ReceiveWait, CancellationToken.None));
        await EventuallyAsync(async () => await Queues.GetStatusAsync(Pipeline, CancellationToken.None) is { Visible: 0, InFlight: 0 });
    }

    [Fact]
    public async Task ExtendVisibilityAsync_ToZero_HandsTheMessageOutAgainWithHigherReceiveCount()
    {
        await Queues.SendAsync(Pipeline, ["{\"again\":true}"], CancellationToken.None);
        var first = Assert.Single(await ReceiveAtLeastAsync(1));

        await Queues.ExtendVisibilityAsync(Pipeline, [first], TimeSpan.Zero, CancellationToken.None);
        var second = Assert.Single(await ReceiveAtLeastAsync(1));

        Assert.Equal(first.MessageId, second.MessageId);
        Assert.Equal("{\"again\":true}", second.Body);
        Assert.Equal(2, second.ReceiveCount);
        Assert.NotEqual(first.ReceiptHandle, second.ReceiptHandle);
    }

    [Fact]
    public async Task ReceiveAsync_EmptyQueueWithWait_ReturnsNothingWithinTheWait()
    {
        var clock = Stopwatch.StartNew();

        var received = await Queues.ReceiveAsync(Pipeline, 10, ReceiveWait, CancellationToken.None);

        Assert.Empty(received);
        Assert.True(clock.Elapsed < ReceiveWait + TimeSpan.FromSeconds(5), $"The receive took {clock.Elapsed}.");
    }

    [Fact]
    public async Task ReceiveAsync_MessageSentWhileWaiting_ReturnsIt()
    {
        var waiting = Queues.ReceiveAsync(Pipeline, 10, TimeSpan.FromSeconds(10), CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        await Queues.SendAsync(Pipeline, ["{\"late\":true}"], CancellationToken.None);
        var received = await waiting;

        Assert.Equal("{\"late\":true}", Assert.Single(received).Body);
    }

    [Fact]
    public async Task ReceiveAsync_AfterMaxReceiveCount_MovesTheMessageToTheDeadLetterQueueWithItsReason()
    {
        await Queues.SendAsync(Pipeline, ["{\"poison\":true}"], CancellationToken.None);

        await ReceiveAndReleaseAsync(MaxReceiveCount, "tracking store unavailable");

        Assert.Empty(await Queues.ReceiveAsync(Pipeline, 10, ReceiveWait, CancellationToken.None));
        await EventuallyAsync(async () => await Queues.GetStatusAsync(Pipeline, CancellationToken.None) is { DeadLetters: 1, Visible: 0 });
        var deadLetter = Assert.Single(await Queues.ListDeadLettersAsync(Pipeline, 10, includeBodies: true, CancellationToken.None));
        Assert.Equal("{\"poison\":true}", deadLetter.Body);
        Assert.Equal("tracking store unavailable", deadLetter.Reason);
        Assert.True(deadLetter.ReceiveCount >= MaxReceiveCount, $"Receive count {deadLetter.ReceiveCount} is below {MaxReceiveCount}.");
    }

    [Fact]
    public async Task ListDeadLettersAsync_WithoutBodies_LeavesBodiesOut()
    {
        await Queues.SendAsync(Pipeline, ["{\"poison\":true}"], CancellationToken.None);
        await ReceiveAndReleaseAsync(MaxReceiveCount, "bad");
        Assert.Empty(await Queues.ReceiveAsync(Pipeline, 10, ReceiveWait, CancellationToken.None));
        await EventuallyAsync(async () => await Queues.GetStatusAsync(Pipeline, CancellationToken.None) is { DeadLetters: 1 });

        var deadLetters = await Queues.ListDeadLettersAsync(Pipeline, 10, includeBodies: false, CancellationToken.None);

        Assert.Null(Assert.Single(deadLetters).Body);
    }

    [Fact]
    public async Task RedriveDeadLettersAsync_DeadLetters_ReturnToTheQueue()
    {
        await Queues.SendAsync(Pipeline, ["{\"poison\":true}"], CancellationToken.None);
        await ReceiveAndReleaseAsync(MaxReceiveCount, "bad");
        Assert.Empty(await Queues.ReceiveAsync(Pipeline, 10, ReceiveWait, CancellationToken.None));
        await EventuallyAsync(async () => await Queues.GetStatusAsync(Pipeline, CancellationToken.None) is { DeadLetters: 1 });

        var moved = await Queues.RedriveDeadLettersAsync(Pipeline, CancellationToken.None);
        var received = await ReceiveAtLeastAsync(1);

        Assert.Equal(1, moved);
        Assert.Equal("{\"poison\":true}", Assert.Single(received).Body);
        await EventuallyAsync(async () => await Queues.GetStatusAsync(Pipeline, CancellationToken.None) is { DeadLetters: 0 });
    }

    [Fact]
    public async Task GetStatusAsync_WaitingAndReceivedMessages_ReportsVisibleInFlightAndOldestAge()
    {
        await Queues.SendAsync(Pipeline, ["{\"n\":1}", "{\"n\":2}", "{\"n\":3}"], CancellationToken.None);
        await EventuallyAsync(async () => await Queues.GetStatusAsync(Pipeline, CancellationToken.None) is { Visible: 3, InFlight: 0 });

        var received = await Queues.ReceiveAsync(Pipeline, 1, ReceiveWait, CancellationToken.None);

        Assert.Single(received);
        await EventuallyAsync(async () => await Queues.GetStatusAsync(Pipeline, CancellationToken.None) is
        {
            Visible: 2, InFlight: 1, DeadLetters: 0,
        } status && (status.OldestAge is not null || !ReportsOldestAge));
    }

    [Fact]
    public async Task GetStatusAsync_EmptyQueue_ReportsNothingWaiting()
    {
        var status = await Queues.GetStatusAsync(Pipeline, CancellationToken.None);

        Assert.Equal(new QueueStatus(0, 0, null, 0), status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public async Task ReceiveAsync_MaxMessagesOutsideOneToTen_Throws(int maxMessages)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Queues.ReceiveAsync(Pipeline, maxMessages, TimeSpan.Zero, CancellationToken.None));
    }

    /// <summary>Receives until at least <paramref name="count"/> messages came, or fails after <see cref="SettleTimeout"/>.</summary>
    protected async Task<List<QueueMessage>> ReceiveAtLeastAsync(int count)
    {
        var received = new List<QueueMessage>();
        var clock = Stopwatch.StartNew();
        while (received.Count < count)
        {
            Assert.True(clock.Elapsed < SettleTimeout, $"Received {received.Count} of {count} messages within {SettleTimeout}.");
            var wanted = Math.Min(10, count - received.Count);
            received.AddRange(await Queues.ReceiveAsync(Pipeline, wanted, ReceiveWait, CancellationToken.None));
        }

        return received;
    }

    /// <summary>Receives the one message <paramref name="times"/> times without deleting it, recording a failure each time.</summary>
    protected async Task ReceiveAndReleaseAsync(int times, string reason)
    {
        for (var receive = 1; receive <= times; receive++)
        {
            var message = Assert.Single(await ReceiveAtLeastAsync(1));
            Assert.Equal(receive, message.ReceiveCount);
            await Queues.RecordFailureAsync(Pipeline, message, reason, CancellationToken.None);
            await Queues.ExtendVisibilityAsync(Pipeline, [message], TimeSpan.Zero, CancellationToken.None);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds, failing after <see cref="SettleTimeout"/>.</summary>
    protected async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(
                clock.Elapsed < SettleTimeout,
                $"Still not so after {SettleTimeout}: {await Queues.GetStatusAsync(Pipeline, CancellationToken.None)}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
