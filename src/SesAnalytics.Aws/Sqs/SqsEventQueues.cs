using System.Globalization;
using System.Text;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;

namespace SesAnalytics.Aws.Sqs;

/// <summary>
/// The pipelines' SQS queues, named by <see cref="PipelineOptions.QueueUrl"/> and
/// <see cref="PipelineOptions.DeadLetterQueueUrl"/> exactly as configured. The main queue's redrive policy
/// moves a message to the dead-letter queue after its configured number of receives.
/// </summary>
internal sealed class SqsEventQueues(
    IAmazonSQS sqs,
    IOptionsMonitor<SesAnalyticsOptions> pipelines,
    IOptions<AwsOptions> awsOptions,
    TimeProvider timeProvider,
    ILogger<SqsEventQueues> logger) : IEventQueues
{
    private const int MaxBatchEntries = 10;
    private const int MaxBatchBytes = 256 * 1024;
    private const int MaxWaitSeconds = 20;
    private const int MaxVisibilitySeconds = 43_200;
    private const string ReceiveCountAttribute = "ApproximateReceiveCount";
    private const string SentTimestampAttribute = "SentTimestamp";
    private const string VisibleAttribute = "ApproximateNumberOfMessages";
    private const string InFlightAttribute = "ApproximateNumberOfMessagesNotVisible";

    /// <summary>How long a dead-letter listing hides what it read; it makes them visible again when done.</summary>
    private static readonly TimeSpan ListingVisibility = TimeSpan.FromSeconds(30);

    // SQS cannot annotate a message, so reasons stay in this process's memory by message id and are lost on restart.
    private readonly RecentFailureReasons _failures = new(capacity: 10_000);

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(
        string pipeline,
        int maxMessages,
        TimeSpan wait,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, MaxBatchEntries);
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        var queues = Queues(pipeline);
        var messages = await ReceiveRawAsync(
            queues.QueueUrl,
            maxMessages,
            (int)Math.Min(MaxWaitSeconds, Math.Ceiling(wait.TotalSeconds)),
            awsOptions.Value.VisibilityTimeout,
            withAttributes: false,
            cancellationToken);
        SqsLog.Received(logger, messages.Count, pipeline);
        return messages.Select(ToQueueMessage).ToList();
    }

    public async Task DeleteAsync(string pipeline, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var queues = Queues(pipeline);
        await DeleteBatchesAsync(
            pipeline,
            queues.QueueUrl,
            messages.Select(m => (m.MessageId, m.ReceiptHandle)).ToList(),
            cancellationToken);
    }

    public async Task ExtendVisibilityAsync(
        string pipeline,
        IReadOnlyList<QueueMessage> messages,
        TimeSpan visibility,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibility, TimeSpan.Zero);
        var queues = Queues(pipeline);
        var seconds = (int)Math.Min(MaxVisibilitySeconds, Math.Ceiling(visibility.TotalSeconds));
        await ChangeVisibilityAsync(
            pipeline,
            queues.QueueUrl,
            messages.Select(m => (m.MessageId, m.ReceiptHandle)).ToList(),
            seconds,
            cancellationToken);
    }

    public Task RecordFailureAsync(string pipeline, QueueMessage message, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Queues(pipeline);
        _failures.Record(pipeline, message.MessageId, reason);
        SqsLog.FailureRecorded(logger, message.MessageId, pipeline);
        return Task.CompletedTask;
    }

    public async Task SendAsync(string pipeline, IReadOnlyList<string> bodies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bodies);
        for (var i = 0; i < bodies.Count; i++)
        {
            if (string.IsNullOrEmpty(bodies[i]))
            {
                throw new ArgumentException($"Message {i} has an empty body; SQS messages need at least one character.", nameof(bodies));
            }
        }

        var queues = Queues(pipeline);
        var failures = new List<string>();
        foreach (var chunk in SendChunks(bodies))
        {
            var response = await sqs.SendMessageBatchAsync(
                new SendMessageBatchRequest
                {
                    QueueUrl = queues.QueueUrl,
                    Entries = chunk
                        .Select((index, i) => new SendMessageBatchRequestEntry(EntryId(i), bodies[index]))
                        .ToList(),
                },
                cancellationToken);
            failures.AddRange((response.Failed ?? []).Select(f => $"message {chunk[EntryIndex(f.Id)]}: {f.Code} {f.Message}"));
        }

        SqsLog.Sent(logger, bodies.Count - failures.Count, pipeline);
        if (failures.Count > 0)
        {
            throw new InvalidOperationException(
                $"{failures.Count} of {bodies.Count} messages were not put on the queue of pipeline '{pipeline}': "
                + string.Join("; ", failures));
        }
    }

    public async Task<QueueStatus> GetStatusAsync(string pipeline, CancellationToken cancellationToken)
    {
        var queues = Queues(pipeline);
        var main = await AttributesAsync(queues.QueueUrl, cancellationToken);
        var dead = await AttributesAsync(queues.DeadLetterQueueUrl, cancellationToken);

        // SQS reports the oldest message's age only as a CloudWatch metric, not through the queue API.
        return new QueueStatus(
            Count(main, VisibleAttribute),
            Count(main, InFlightAttribute),
            OldestAge: null,
            Count(dead, VisibleAttribute) + Count(dead, InFlightAttribute));
    }

    /// <summary>
    /// Reads dead letters without removing them: each is received with a short visibility timeout, then made
    /// visible again. The receive count shown leaves out the listing's own receive.
    /// </summary>
    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(
        string pipeline,
        int maxMessages,
        bool includeBodies,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        var queues = Queues(pipeline);
        var received = new List<Message>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            while (received.Count < maxMessages)
            {
                var batch = await ReceiveRawAsync(
                    queues.DeadLetterQueueUrl,
                    Math.Min(MaxBatchEntries, maxMessages - received.Count),
                    waitSeconds: 1,
                    ListingVisibility,
                    withAttributes: false,
                    cancellationToken);
                var fresh = batch.Where(m => seen.Add(m.MessageId)).ToList();
                received.AddRange(fresh);
                if (fresh.Count == 0)
                {
                    break;
                }
            }
        }
        finally
        {
            // Released even when the listing is cancelled, so the dead letters do not stay hidden.
            await ChangeVisibilityAsync(
                pipeline,
                queues.DeadLetterQueueUrl,
                received.Select(m => (m.MessageId, m.ReceiptHandle)).ToList(),
                seconds: 0,
                CancellationToken.None);
        }

        return received
            .Select(m => new DeadLetter(
                m.MessageId,
                Math.Max(0, ReceiveCount(m) - 1),
                _failures.Find(pipeline, m.MessageId),
                includeBodies ? m.Body : null))
            .ToList();
    }

    /// <summary>
    /// Moves the messages on the dead-letter queue when the call starts back to the main queue: each is sent
    /// to the main queue, then deleted from the dead-letter queue. One that cannot be sent stays where it is.
    /// </summary>
    public async Task<int> RedriveDeadLettersAsync(string pipeline, CancellationToken cancellationToken)
    {
        var queues = Queues(pipeline);
        var depth = Count(await AttributesAsync(queues.DeadLetterQueueUrl, cancellationToken), VisibleAttribute);
        var (moved, left) = (0, 0);
        while (moved + left < depth)
        {
            var batch = await ReceiveRawAsync(
                queues.DeadLetterQueueUrl,
                (int)Math.Min(MaxBatchEntries, depth - moved - left),
                waitSeconds: 1,
                awsOptions.Value.VisibilityTimeout,
                withAttributes: true,
                cancellationToken);
            if (batch.Count == 0)
            {
                break;
            }

            var sent = await sqs.SendMessageBatchAsync(
                new SendMessageBatchRequest
                {
                    QueueUrl = queues.QueueUrl,
                    Entries = batch
                        .Select((m, i) => new SendMessageBatchRequestEntry(EntryId(i), m.Body)
                        {
                            MessageAttributes = m.MessageAttributes is { Count: > 0 } attributes ? attributes : null,
                        })
                        .ToList(),
                },
                cancellationToken);
            foreach (var failure in sent.Failed ?? [])
            {
                SqsLog.RedriveSendFailed(logger, batch[EntryIndex(failure.Id)].MessageId, pipeline, failure.Code);
            }

            var movedNow = (sent.Successful ?? []).Select(s => batch[EntryIndex(s.Id)]).ToList();

            // A copy that cannot be deleted stays on the dead-letter queue as a duplicate, which the store absorbs.
            await DeleteBatchesAsync(
                pipeline,
                queues.DeadLetterQueueUrl,
                movedNow.Select(m => (m.MessageId, m.ReceiptHandle)).ToList(),
                cancellationToken);

            foreach (var message in movedNow)
            {
                _failures.Forget(pipeline, message.MessageId);
            }

            moved += movedNow.Count;
            left += batch.Count - movedNow.Count;
        }

        SqsLog.DeadLettersRedriven(logger, moved, pipeline, left);
        return moved;
    }

    private static string EntryId(int index) => index.ToString(CultureInfo.InvariantCulture);

    private static int EntryIndex(string id) => int.Parse(id, CultureInfo.InvariantCulture);

    private static long Count(Dictionary<string, string>? attributes, string name) =>
        attributes is not null && attributes.TryGetValue(name, out var value)
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : 0;

    private static int ReceiveCount(Message message) =>
        message.Attributes is not null && message.Attributes.TryGetValue(ReceiveCountAttribute, out var value)
            && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
            ? count
            : 1;

    /// <summary>Indexes of bodies in batches of at most 10 messages and 256 KiB, as SQS accepts them.</summary>
    private static List<List<int>> SendChunks(IReadOnlyList<string> bodies)
    {
        var chunks = new List<List<int>>();
        var current = new List<int>();
        var bytes = 0;
        for (var i = 0; i < bodies.Count; i++)
        {
            var size = Encoding.UTF8.GetByteCount(bodies[i]);
            if (current.Count == MaxBatchEntries || (current.Count > 0 && bytes + size > MaxBatchBytes))
            {
                chunks.Add(current);
                current = [];
                bytes = 0;
            }

            current.Add(i);
            bytes += size;
        }

        if (current.Count > 0)
        {
            chunks.Add(current);
        }

        return chunks;
    }

    private QueueMessage ToQueueMessage(Message message)
    {
        var sentAt = message.Attributes is not null && message.Attributes.TryGetValue(SentTimestampAttribute, out var value)
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : timeProvider.GetUtcNow();
        return new QueueMessage(message.MessageId, message.Body, message.ReceiptHandle, ReceiveCount(message), sentAt);
    }

    private async Task<List<Message>> ReceiveRawAsync(
        string queueUrl,
        int maxMessages,
        int waitSeconds,
        TimeSpan visibility,
        bool withAttributes,
        CancellationToken cancellationToken)
    {
        var response = await sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = maxMessages,
                WaitTimeSeconds = waitSeconds,
                VisibilityTimeout = (int)Math.Ceiling(visibility.TotalSeconds),
                MessageSystemAttributeNames = [ReceiveCountAttribute, SentTimestampAttribute],
                MessageAttributeNames = withAttributes ? ["All"] : null,
            },
            cancellationToken);
        return response.Messages ?? [];
    }

    private async Task DeleteBatchesAsync(
        string pipeline,
        string queueUrl,
        IReadOnlyList<(string MessageId, string ReceiptHandle)> messages,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in messages.Chunk(MaxBatchEntries))
        {
            var response = await sqs.DeleteMessageBatchAsync(
                new DeleteMessageBatchRequest
                {
                    QueueUrl = queueUrl,
                    Entries = chunk.Select((m, i) => new DeleteMessageBatchRequestEntry(EntryId(i), m.ReceiptHandle)).ToList(),
                },
                cancellationToken);
            foreach (var failure in response.Failed ?? [])
            {
                SqsLog.DeleteFailed(logger, chunk[EntryIndex(failure.Id)].MessageId, pipeline, failure.Code);
            }
        }
    }

    private async Task ChangeVisibilityAsync(
        string pipeline,
        string queueUrl,
        IReadOnlyList<(string MessageId, string ReceiptHandle)> messages,
        int seconds,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in messages.Chunk(MaxBatchEntries))
        {
            var response = await sqs.ChangeMessageVisibilityBatchAsync(
                new ChangeMessageVisibilityBatchRequest
                {
                    QueueUrl = queueUrl,
                    Entries = chunk
                        .Select((m, i) => new ChangeMessageVisibilityBatchRequestEntry(EntryId(i), m.ReceiptHandle)
                        {
                            VisibilityTimeout = seconds,
                        })
                        .ToList(),
                },
                cancellationToken);
            foreach (var failure in response.Failed ?? [])
            {
                SqsLog.VisibilityChangeFailed(logger, chunk[EntryIndex(failure.Id)].MessageId, pipeline, failure.Code);
            }
        }
    }

    private async Task<Dictionary<string, string>?> AttributesAsync(string queueUrl, CancellationToken cancellationToken)
    {
        var response = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = [VisibleAttribute, InFlightAttribute] },
            cancellationToken);
        return response.Attributes;
    }

    private (string QueueUrl, string DeadLetterQueueUrl) Queues(string pipeline)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pipeline);
        if (!pipelines.CurrentValue.Pipelines.TryGetValue(pipeline, out var options))
        {
            throw new ArgumentException($"Unknown pipeline '{pipeline}'.", nameof(pipeline));
        }

        var prefix = $"{SesAnalyticsOptions.SectionName}:Pipelines:{pipeline}";
        return string.IsNullOrWhiteSpace(options.QueueUrl)
            ? throw new InvalidOperationException($"{prefix}:QueueUrl is not set; the AWS providers need the pipeline's SQS queue.")
            : string.IsNullOrWhiteSpace(options.DeadLetterQueueUrl)
                ? throw new InvalidOperationException(
                    $"{prefix}:DeadLetterQueueUrl is not set; the AWS providers need the pipeline's dead-letter queue.")
                : (options.QueueUrl, options.DeadLetterQueueUrl);
    }
}
