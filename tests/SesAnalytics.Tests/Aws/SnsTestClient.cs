using System.Xml.Linq;
using Amazon;
using SesAnalytics.Aws.Signing;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws;

/// <summary>
/// A small SNS client for test setup against fauxqs: form-encoded Query API posts (the AWS SDK's SNS package is
/// not available here), signed like any AWS request so the emulator reads the region from them.
/// </summary>
public sealed class SnsTestClient : IDisposable
{
    private readonly HttpClient _http;

    public SnsTestClient(AwsEmulators emulators)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        var signer = new SigV4SigningHandler(EmulatorAws.Credentials, RegionEndpoint.GetBySystemName(EmulatorAws.Region), "sns")
        {
            InnerHandler = new HttpClientHandler(),
        };
        _http = new HttpClient(signer) { BaseAddress = emulators.SqsSnsUrl };
    }

    /// <summary>Creates the topic (or finds it, as SNS does for an existing name) and returns its ARN.</summary>
    public async Task<string> CreateTopicAsync(string name) =>
        await CallAsync("CreateTopic", "TopicArn", [new("Name", name)]);

    /// <summary>Subscribes an SQS queue; with <paramref name="rawMessageDelivery"/> SNS delivers the bare message.</summary>
    public async Task<string> SubscribeQueueAsync(string topicArn, string queueArn, bool rawMessageDelivery) =>
        await CallAsync(
            "Subscribe",
            "SubscriptionArn",
            [
                new("TopicArn", topicArn),
                new("Protocol", "sqs"),
                new("Endpoint", queueArn),
                new("Attributes.entry.1.key", "RawMessageDelivery"),
                new("Attributes.entry.1.value", rawMessageDelivery ? "true" : "false"),
            ]);

    /// <summary>Publishes a message and returns SNS's message id.</summary>
    public async Task<string> PublishAsync(string topicArn, string message, string? subject = null)
    {
        var parameters = new List<KeyValuePair<string, string>> { new("TopicArn", topicArn), new("Message", message) };
        if (subject is not null)
        {
            parameters.Add(new("Subject", subject));
        }

        return await CallAsync("Publish", "MessageId", parameters);
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> CallAsync(string action, string resultElement, List<KeyValuePair<string, string>> parameters)
    {
        parameters.Insert(0, new("Action", action));
        parameters.Insert(1, new("Version", "2010-03-31"));
        using var content = new FormUrlEncodedContent(parameters);
        using var response = await _http.PostAsync("/", content);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"SNS {action} answered {(int)response.StatusCode}: {text}");
        }

        var value = XDocument.Parse(text).Descendants().FirstOrDefault(e => e.Name.LocalName == resultElement)?.Value;
        return value ?? throw new InvalidOperationException($"SNS {action} answered without {resultElement}: {text}");
    }
}
