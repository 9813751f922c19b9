using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;

namespace SesAnalytics.Embedded.Sending;

/// <summary>
/// Plays SNS for the embedded SES: wraps each event document in a notification from the pipeline's topic and puts it
/// on the pipeline's queue, as the topic's subscribed queue would receive it.
/// </summary>
internal sealed class SesEventPublisher(IEventQueues queues, IOptions<SesAnalyticsOptions> analyticsOptions)
{
    public async Task PublishAsync(
        string pipeline,
        IReadOnlyList<(JsonObject Document, DateTimeOffset At)> events,
        CancellationToken cancellationToken)
    {
        var topicArn = SesEventDocuments.TopicArn(Topic(pipeline));
        var bodies = events.Select(e => SesEventDocuments.Envelope(topicArn, e.Document, e.At)).ToList();
        await queues.SendAsync(pipeline, bodies, cancellationToken);
    }

    private string Topic(string pipeline) =>
        analyticsOptions.Value.Pipelines.TryGetValue(pipeline, out var options) && !string.IsNullOrEmpty(options.Topic)
            ? options.Topic
            : pipeline;
}
