using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws;

/// <summary>
/// Creates a pipeline's messaging on fauxqs as production has it: an SNS topic, a dead-letter queue, the mirror
/// queue with a redrive policy to it, and the queue's subscription to the topic (raw or enveloped).
/// Names are made unique, so tests sharing the emulators never see each other's messages.
/// </summary>
public static class EmulatorPipelineQueues
{
    public static async Task<EmulatorPipeline> CreateAsync(
        AwsEmulators emulators,
        string pipelineId,
        bool rawMessageDelivery = false,
        int maxReceiveCount = 3,
        TimeSpan? visibilityTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        var name = EmulatorAws.UniqueName(pipelineId);
        using var sqs = EmulatorAws.CreateSqsClient(emulators);
        using var sns = new SnsTestClient(emulators);

        var deadLetterQueueUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = $"{name}-dlq" })).QueueUrl;
        var deadLetterQueueArn = await ArnAsync(sqs, deadLetterQueueUrl);
        var redrivePolicy = JsonSerializer.Serialize(new { deadLetterTargetArn = deadLetterQueueArn, maxReceiveCount });
        var attributes = new Dictionary<string, string> { ["RedrivePolicy"] = redrivePolicy };
        if (visibilityTimeout is { } visibility)
        {
            attributes["VisibilityTimeout"] = ((int)visibility.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var queueUrl = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = attributes })).QueueUrl;
        var queueArn = await ArnAsync(sqs, queueUrl);
        var topicName = $"{name}-events";
        var topicArn = await sns.CreateTopicAsync(topicName);
        var subscriptionArn = await sns.SubscribeQueueAsync(topicArn, queueArn, rawMessageDelivery);
        return new EmulatorPipeline(
            pipelineId,
            topicName,
            topicArn,
            queueUrl,
            queueArn,
            deadLetterQueueUrl,
            deadLetterQueueArn,
            subscriptionArn,
            rawMessageDelivery,
            maxReceiveCount);
    }

    private static async Task<string> ArnAsync(IAmazonSQS sqs, string queueUrl)
    {
        var response = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = queueUrl, AttributeNames = ["QueueArn"] });
        return response.Attributes["QueueArn"];
    }
}
