using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// The standalone host in AWS mode refuses to start on incomplete settings, naming the setting. Nothing is called
/// at start, so the endpoints point at a closed loopback port.
/// </summary>
public sealed class AwsStartupTests
{
    private const string Nowhere = "http://127.0.0.1:9/";

    [Fact]
    public async Task StartAsync_RegionWithoutUnsubscribeSigningKey_FailsNamingTheSetting()
    {
        var settings = CompleteSettings();
        settings.Remove("SesAnalytics:UnsubscribeSigningKey");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AwsAppEnvironment.StartWithTestCredentialsAsync(settings));

        Assert.Contains("SesAnalytics:UnsubscribeSigningKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_PipelineWithoutQueueUrl_FailsNamingTheSetting()
    {
        var settings = CompleteSettings();
        settings.Remove("SesAnalytics:Pipelines:financial:QueueUrl");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => AwsAppEnvironment.StartWithTestCredentialsAsync(settings));

        Assert.Contains("SesAnalytics:Pipelines:financial:QueueUrl", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SesAnalytics:Pipelines:outreach:QueueUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_CompleteSettings_Starts()
    {
        var settings = CompleteSettings();

        await using var host = await AwsAppEnvironment.StartWithTestCredentialsAsync(settings);

        Assert.NotNull(host.BaseAddress);
    }

    /// <summary>Every setting AWS mode needs, with queue URLs of the SQS form, on a port nothing listens on.</summary>
    private static Dictionary<string, string?> CompleteSettings() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["SesAnalytics:Aws:Region"] = "us-east-1",
        ["SesAnalytics:Aws:SesServiceUrl"] = Nowhere,
        ["SesAnalytics:Aws:SqsServiceUrl"] = Nowhere,
        ["SesAnalytics:Aws:DynamoDbServiceUrl"] = Nowhere,
        ["SesAnalytics:UnsubscribeSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["SesAnalytics:Pipelines:outreach:QueueUrl"] = $"{Nowhere}111122223333/outreach",
        ["SesAnalytics:Pipelines:outreach:DeadLetterQueueUrl"] = $"{Nowhere}111122223333/outreach-dlq",
        ["SesAnalytics:Pipelines:financial:QueueUrl"] = $"{Nowhere}111122223333/financial",
        ["SesAnalytics:Pipelines:financial:DeadLetterQueueUrl"] = $"{Nowhere}111122223333/financial-dlq",
    };
}
