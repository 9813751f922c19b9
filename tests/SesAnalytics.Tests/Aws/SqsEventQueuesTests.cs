using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Providers;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws;

[Collection(AwsEmulatorsCollection.Name)]
public sealed class SqsEventQueuesTests(AwsEmulators emulators) : IAsyncLifetime
{
    private const string Pipeline = "outreach";
    private EmulatorPipeline _queues = null!;
    private ServiceProvider _services = null!;

    private IEventQueues Queues => _services.GetRequiredService<IEventQueues>();

    public async Task InitializeAsync()
    {
        _queues = await EmulatorPipelineQueues.CreateAsync(emulators, Pipeline, rawMessageDelivery: true, maxReceiveCount: 2);
        _services = AwsTestServices.Build(
            emulators,
            [_queues.ToOptions()],
            new Dictionary<string, string?> { ["SesAnalytics:Aws:VisibilityTimeout"] = "00:00:01" });
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SendAsync_TwelveBodies_ReceiveReturnsEachOnceWithItsCountAndSentTime()
    {
        var bodies = Enumerable.Range(0, 12).Select(i => $$"""{"n":{{i}}}""").ToList();
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);

        await Queues.SendAsync(Pipeline, bodies, CancellationToken.None);
        var received = await ReceiveAllAsync(12);

        Assert.Equal(bodies.Order(), received.Select(m => m.Body).Order());
        Assert.All(received, m =>
        {
            Assert.Equal(1, m.ReceiveCount);
            Assert.InRange(m.SentAt, before, DateTimeOffset.UtcNow.AddSeconds(5));
        });
        Assert.Equal(12, received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task DeleteAsync_ReceivedMessages_LeavesTheQueueEmpty()
    {
        await Queues.SendAsync(Pipeline, ["""{"a":1}""", """{"b":2}"""], CancellationToken.None);
        var received = await ReceiveAllAsync(2);

        await Queues.DeleteAsync(Pipeline, received, CancellationToken.None);

        Assert.Equal(new QueueStatus(0, 0, null, 0), await Queues.GetStatusAsync(Pipeline, CancellationToken.None));
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Empty(await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task GetStatusAsync_WaitingAndReceivedMessages_CountsVisibleAndInFlight()
    {
        await Queues.SendAsync(Pipeline, ["1", "2", "3"], CancellationToken.None);

        await Queues.ReceiveAsync(Pipeline, 1, TimeSpan.Zero, CancellationToken.None);
        var status = await Queues.GetStatusAsync(Pipeline, CancellationToken.None);

        Assert.Equal(new QueueStatus(Visible: 2, InFlight: 1, OldestAge: null, DeadLetters: 0), status);
    }

    [Fact]
    public async Task ExtendVisibilityAsync_ExtendedMessage_StaysHiddenWhileTheOtherComesBack()
    {
        await Queues.SendAsync(Pipeline, ["kept", "returned"], CancellationToken.None);
        var received = await ReceiveAllAsync(2);
        var kept = received.Single(m => m.Body == "kept");

        await Queues.ExtendVisibilityAsync(Pipeline, [kept], TimeSpan.FromSeconds(60), CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var again = await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.FromSeconds(1), CancellationToken.None);

        var back = Assert.Single(again);
        Assert.Equal("returned", back.Body);
        Assert.Equal(2, back.ReceiveCount);
    }

    [Fact]
    public async Task ReceiveAsync_MessageNeverDeleted_ReachesTheDeadLetterQueueAfterMaxReceives()
    {
        await Queues.SendAsync(Pipeline, ["""{"poison":true}"""], CancellationToken.None);

        for (var receive = 1; receive <= _queues.MaxReceiveCount; receive++)
        {
            var message = Assert.Single(await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.FromSeconds(1), CancellationToken.None));
            Assert.Equal(receive, message.ReceiveCount);
            await Queues.RecordFailureAsync(Pipeline, message, $"no table (receive {receive})", CancellationToken.None);
            await Queues.ExtendVisibilityAsync(Pipeline, [message], TimeSpan.Zero, CancellationToken.None);
        }

        var afterMax = await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Empty(afterMax);
        Assert.Equal(new QueueStatus(0, 0, null, DeadLetters: 1), await Queues.GetStatusAsync(Pipeline, CancellationToken.None));
    }

    [Fact]
    public async Task ListDeadLettersAsync_DeadLetter_ShowsReasonAndBodyOnlyWhenAskedAndLeavesItThere()
    {
        var messageId = await DeadLetterAsync("""{"poison":1}""", "no table");

        var withBodies = await Queues.ListDeadLettersAsync(Pipeline, 10, includeBodies: true, CancellationToken.None);
        var withoutBodies = await Queues.ListDeadLettersAsync(Pipeline, 10, includeBodies: false, CancellationToken.None);

        var first = Assert.Single(withBodies);
        Assert.Equal(messageId, first.MessageId);
        Assert.Equal("no table", first.Reason);
        Assert.Equal("""{"poison":1}""", first.Body);
        Assert.True(first.ReceiveCount >= _queues.MaxReceiveCount, $"receive count {first.ReceiveCount}");
        var second = Assert.Single(withoutBodies);
        Assert.Equal(messageId, second.MessageId);
        Assert.Null(second.Body);
        Assert.Equal(1, (await Queues.GetStatusAsync(Pipeline, CancellationToken.None)).DeadLetters);
    }

    [Fact]
    public async Task RedriveDeadLettersAsync_DeadLetters_MovesThemBackToTheMainQueue()
    {
        await DeadLetterAsync("""{"poison":1}""", "no table");
        await DeadLetterAsync("""{"poison":2}""", "no table");

        var moved = await Queues.RedriveDeadLettersAsync(Pipeline, CancellationToken.None);

        Assert.Equal(2, moved);
        var status = await Queues.GetStatusAsync(Pipeline, CancellationToken.None);
        Assert.Equal(0, status.DeadLetters);
        Assert.Equal(2, status.Visible);
        var back = await ReceiveAllAsync(2);
        Assert.Equal(["""{"poison":1}""", """{"poison":2}"""], back.Select(m => m.Body).Order());
        Assert.Empty(await Queues.ListDeadLettersAsync(Pipeline, 10, includeBodies: false, CancellationToken.None));
    }

    [Fact]
    public async Task ReceiveAsync_SnsPublishToTheTopic_DeliversTheRawSesDocument()
    {
        using var sns = new SnsTestClient(emulators);
        var document = JsonSerializer.Serialize(new { eventType = "Send", mail = new { messageId = "0100-abc" } });

        await sns.PublishAsync(_queues.TopicArn, document);
        var message = Assert.Single(await ReceiveAllAsync(1));

        Assert.Equal(document, message.Body);
    }

    [Fact]
    public async Task ReceiveAsync_UnknownPipeline_ThrowsNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => Queues.ReceiveAsync("marketing", 1, TimeSpan.Zero, CancellationToken.None));

        Assert.Contains("'marketing'", error.Message);
    }

    [Fact]
    public async Task ReceiveAsync_ElevenMessagesAsked_ThrowsOutOfRange()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => Queues.ReceiveAsync(Pipeline, 11, TimeSpan.Zero, CancellationToken.None));
    }

    /// <summary>Puts a body on the queue and receives it until the redrive policy dead-letters it; returns its id.</summary>
    private async Task<string> DeadLetterAsync(string body, string reason)
    {
        await Queues.SendAsync(Pipeline, [body], CancellationToken.None);
        string? messageId = null;
        while (true)
        {
            var received = await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.FromSeconds(1), CancellationToken.None);
            if (received.Count == 0)
            {
                return messageId ?? throw new InvalidOperationException("The message never arrived.");
            }

            foreach (var message in received)
            {
                messageId = message.Body == body ? message.MessageId : messageId;
                await Queues.RecordFailureAsync(Pipeline, message, reason, CancellationToken.None);
            }

            await Queues.ExtendVisibilityAsync(Pipeline, received, TimeSpan.Zero, CancellationToken.None);
        }
    }

    private async Task<List<QueueMessage>> ReceiveAllAsync(int expected)
    {
        var received = new List<QueueMessage>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (received.Count < expected && DateTime.UtcNow < deadline)
        {
            received.AddRange(await Queues.ReceiveAsync(Pipeline, 10, TimeSpan.FromSeconds(1), CancellationToken.None));
        }

        return received;
    }
}
