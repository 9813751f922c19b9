using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace SesAnalytics.Bench.Drain;

/// <summary>
/// The two references the drain is measured against, both writing each message's raw body as one item:
/// the transport ceiling (receive 10, one BatchWriteItem, one DeleteMessageBatch: 3 calls per 10 messages) and
/// the naive drain (receive 1, PutItem, DeleteMessage: 3 calls per message).
/// </summary>
internal static class ReferenceDrains
{
    private static readonly TimeSpan Visibility = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="workers"/> ceiling loops until the queue is empty; returns the messages moved.</summary>
    public static async Task<int> CeilingAsync(
        IAmazonSQS sqs,
        IAmazonDynamoDB dynamo,
        string queueUrl,
        int workers,
        TimeSpan receiveWait,
        CancellationToken cancellationToken)
    {
        var moved = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (true)
            {
                var messages = await ReceiveAsync(sqs, queueUrl, 10, receiveWait, cancellationToken);
                if (messages.Count == 0)
                {
                    return;
                }

                var writes = messages
                    .Select(m => new WriteRequest(new PutRequest(RawBodyTable.Item(m.MessageId, m.Body))))
                    .ToList();
                var pending = new Dictionary<string, List<WriteRequest>> { [RawBodyTable.Name] = writes };
                while (pending.Count > 0)
                {
                    var response = await dynamo.BatchWriteItemAsync(new BatchWriteItemRequest(pending), cancellationToken);
                    pending = response.UnprocessedItems ?? [];
                }

                var deleted = await sqs.DeleteMessageBatchAsync(
                    new DeleteMessageBatchRequest(
                        queueUrl,
                        messages
                            .Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), m.ReceiptHandle))
                            .ToList()),
                    cancellationToken);
                if (deleted.Failed is { Count: > 0 } failed)
                {
                    throw new InvalidOperationException($"The ceiling could not delete {failed.Count} message(s): {failed[0].Code}");
                }

                Interlocked.Add(ref moved, messages.Count);
            }
        }));
        return moved;
    }

    /// <summary>Runs <paramref name="workers"/> naive loops until the queue is empty; returns the messages moved.</summary>
    public static async Task<int> NaiveAsync(
        IAmazonSQS sqs,
        IAmazonDynamoDB dynamo,
        string queueUrl,
        int workers,
        TimeSpan receiveWait,
        CancellationToken cancellationToken)
    {
        var moved = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async _ =>
        {
            while (true)
            {
                var messages = await ReceiveAsync(sqs, queueUrl, 1, receiveWait, cancellationToken);
                if (messages.Count == 0)
                {
                    return;
                }

                var message = messages[0];
                await dynamo.PutItemAsync(
                    new PutItemRequest(RawBodyTable.Name, RawBodyTable.Item(message.MessageId, message.Body)),
                    cancellationToken);
                await sqs.DeleteMessageAsync(new DeleteMessageRequest(queueUrl, message.ReceiptHandle), cancellationToken);
                Interlocked.Increment(ref moved);
            }
        }));
        return moved;
    }

    private static async Task<List<Message>> ReceiveAsync(
        IAmazonSQS sqs,
        string queueUrl,
        int maxMessages,
        TimeSpan wait,
        CancellationToken cancellationToken)
    {
        var response = await sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest
            {
                QueueUrl = queueUrl,
                MaxNumberOfMessages = maxMessages,
                WaitTimeSeconds = (int)Math.Ceiling(wait.TotalSeconds),
                VisibilityTimeout = (int)Visibility.TotalSeconds,
            },
            cancellationToken);
        return response.Messages ?? [];
    }
}
