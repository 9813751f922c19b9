using SesAnalytics.Core.Pipelines;

namespace SesAnalytics.Tests.Aws;

/// <summary>A pipeline's messaging on the emulators: its SNS topic, the mirror queue subscribed to it, and the queue's DLQ.</summary>
public sealed record EmulatorPipeline(
    string Id,
    string TopicName,
    string TopicArn,
    string QueueUrl,
    string QueueArn,
    string DeadLetterQueueUrl,
    string DeadLetterQueueArn,
    string SubscriptionArn,
    bool RawMessageDelivery,
    int MaxReceiveCount)
{
    /// <summary>Pipeline options pointing at these queues, based on <paramref name="template"/> or the outreach defaults.</summary>
    public PipelineOptions ToOptions(PipelineOptions? template = null)
    {
        var source = template ?? PipelineDefaults.OutreachPipeline();
        return new PipelineOptions
        {
            Id = Id,
            ConfigurationSet = source.ConfigurationSet,
            Topic = TopicName,
            Table = source.Table,
            QueueUrl = QueueUrl,
            DeadLetterQueueUrl = DeadLetterQueueUrl,
            FromAddress = source.FromAddress,
            Unsubscribable = source.Unsubscribable,
            MaxRecipientsPerRequest = source.MaxRecipientsPerRequest,
        };
    }
}
