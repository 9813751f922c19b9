using System.Globalization;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace SesAnalytics.Bench.Drain;

/// <summary>Puts bodies on a queue before a measurement (not counted) and checks that a measurement emptied it.</summary>
internal static class QueueLoader
{
    private const int SendParallelism = 8;

    public static async Task LoadAsync(IAmazonSQS sqs, string queueUrl, IReadOnlyList<string> bodies, CancellationToken cancellationToken)
    {
        await Parallel.ForEachAsync(
            bodies.Chunk(10),
            new ParallelOptions { MaxDegreeOfParallelism = SendParallelism, CancellationToken = cancellationToken },
            async (chunk, token) =>
            {
                var response = await sqs.SendMessageBatchAsync(
                    new SendMessageBatchRequest
                    {
                        QueueUrl = queueUrl,
                        Entries = chunk
                            .Select((body, i) => new SendMessageBatchRequestEntry(i.ToString(CultureInfo.InvariantCulture), body))
                            .ToList(),
                    },
                    token);
                if (response.Failed is { Count: > 0 } failed)
                {
                    throw new InvalidOperationException(
                        $"The queue refused {failed.Count} message(s) while loading: {failed[0].Code} {failed[0].Message}");
                }
            });
        var depth = await DepthAsync(sqs, queueUrl, cancellationToken);
        if (depth != bodies.Count)
        {
            throw new InvalidOperationException($"Loaded {bodies.Count} messages but the queue holds {depth}.");
        }
    }

    /// <summary>Visible plus in-flight messages.</summary>
    public static async Task<long> DepthAsync(IAmazonSQS sqs, string queueUrl, CancellationToken cancellationToken)
    {
        var attributes = (await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest
            {
                QueueUrl = queueUrl,
                AttributeNames = ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
            },
            cancellationToken)).Attributes;
        return attributes.Values.Sum(v => long.Parse(v, CultureInfo.InvariantCulture));
    }
}
