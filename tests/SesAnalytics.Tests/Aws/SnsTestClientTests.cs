using System.Text.Json;
using Amazon.SQS.Model;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws;

[Collection(AwsEmulatorsCollection.Name)]
public sealed class SnsTestClientTests(AwsEmulators emulators)
{
    [Fact]
    public async Task PublishAsync_RawAndEnvelopedSubscriptions_DeliverTheBareMessageAndAnSnsNotification()
    {
        var raw = await EmulatorPipelineQueues.CreateAsync(emulators, "outreach", rawMessageDelivery: true);
        var enveloped = await EmulatorPipelineQueues.CreateAsync(emulators, "outreach", rawMessageDelivery: false);
        using var sns = new SnsTestClient(emulators);
        await sns.SubscribeQueueAsync(raw.TopicArn, enveloped.QueueArn, rawMessageDelivery: false);
        const string message = """{"eventType":"Open","mail":{"messageId":"0100-xyz"}}""";

        var snsMessageId = await sns.PublishAsync(raw.TopicArn, message);

        Assert.Equal(message, await ReceiveBodyAsync(raw.QueueUrl));
        using var envelope = JsonDocument.Parse(await ReceiveBodyAsync(enveloped.QueueUrl));
        Assert.Equal("Notification", envelope.RootElement.GetProperty("Type").GetString());
        Assert.Equal(raw.TopicArn, envelope.RootElement.GetProperty("TopicArn").GetString());
        Assert.Equal(snsMessageId, envelope.RootElement.GetProperty("MessageId").GetString());
        Assert.Equal(message, envelope.RootElement.GetProperty("Message").GetString());
        Assert.True(envelope.RootElement.TryGetProperty("Timestamp", out _));
    }

    private async Task<string> ReceiveBodyAsync(string queueUrl)
    {
        using var sqs = EmulatorAws.CreateSqsClient(emulators);
        var response = await sqs.ReceiveMessageAsync(
            new ReceiveMessageRequest { QueueUrl = queueUrl, MaxNumberOfMessages = 10, WaitTimeSeconds = 2 });
        return Assert.Single(response.Messages ?? []).Body;
    }
}
