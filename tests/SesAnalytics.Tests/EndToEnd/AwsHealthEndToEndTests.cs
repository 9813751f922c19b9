using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Providers;
using SesAnalytics.Tests.Aws;
using SesAnalytics.Tests.Emulators;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// <c>GET /api/health</c> of the standalone host in AWS mode, on queues with a small receive limit and a short
/// visibility timeout, so a poison message reaches the dead-letter queue within seconds.
/// </summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class AwsHealthEndToEndTests(AwsEmulators emulators) : IAsyncLifetime
{
    private const int MaxReceiveCount = 2;
    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DeadLetterTimeout = TimeSpan.FromSeconds(30);

    private AwsAppEnvironment? _environment;
    private StandaloneTestHost? _host;

    private AwsAppEnvironment Environment => _environment!;

    private StandaloneTestHost Host => _host!;

    public async Task InitializeAsync()
    {
        _environment = await AwsAppEnvironment.CreateAsync(emulators, MaxReceiveCount, Visibility);
        _host = await Environment.StartHostAsync(new Dictionary<string, string?>
        {
            ["SesAnalytics:Aws:VisibilityTimeout"] = "00:00:01",
            ["SesAnalytics:Drain:ReceiveWait"] = "00:00:00",
        });
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Health_MessagesWaiting_Answers200WithEachPipelinesQueueDepth()
    {
        using var sns = new SnsTestClient(emulators);
        await sns.PublishAsync(Environment.Outreach.TopicArn, SesSend("a"));
        await sns.PublishAsync(Environment.Outreach.TopicArn, SesSend("b"));
        await sns.PublishAsync(Environment.Financial.TopicArn, SesSend("c"));
        await WaitForStatusAsync("outreach", s => s.Visible == 2);
        await WaitForStatusAsync("financial", s => s.Visible == 1);
        using var client = Host.Client(withKey: false);

        using var response = await client.GetAsync("/api/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        var pipelines = Pipelines(body);
        Assert.Equal(["financial", "outreach"], pipelines.Keys.Order());
        Assert.Equal(2, pipelines["outreach"].GetProperty("queue").GetProperty("visible").GetInt64());
        Assert.Equal(1, pipelines["financial"].GetProperty("queue").GetProperty("visible").GetInt64());
        Assert.All(pipelines.Values, p =>
        {
            Assert.True(p.GetProperty("healthy").GetBoolean());
            Assert.True(p.GetProperty("queueReachable").GetBoolean());
            Assert.True(p.GetProperty("storeReachable").GetBoolean());
            Assert.Equal(0, p.GetProperty("queue").GetProperty("deadLetters").GetInt64());
        });
    }

    [Fact]
    public async Task Health_PoisonMessageDeadLettered_Answers503NamingTheDeadLetterQueue()
    {
        using var sns = new SnsTestClient(emulators);
        await sns.PublishAsync(Environment.Financial.TopicArn, "this is not an SES event");
        await sns.PublishAsync(Environment.Financial.TopicArn, SesSend("d"));

        var reports = await DrainUntilDeadLetteredAsync("financial");
        using var client = Host.Client(withKey: false);
        using var response = await client.GetAsync("/api/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(1, reports.Sum(r => r.Stored));
        Assert.Equal(MaxReceiveCount, reports.Sum(r => r.Invalid));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", body.GetProperty("status").GetString());
        var pipelines = Pipelines(body);
        var financial = pipelines["financial"];
        Assert.False(financial.GetProperty("healthy").GetBoolean());
        Assert.Equal(1, financial.GetProperty("queue").GetProperty("deadLetters").GetInt64());
        Assert.Contains(
            financial.GetProperty("problems").EnumerateArray(),
            p => p.GetString()!.Contains("dead-letter queue", StringComparison.Ordinal));
        Assert.True(pipelines["outreach"].GetProperty("healthy").GetBoolean());
    }

    /// <summary>An SES Send event document for a message id ending in <paramref name="suffix"/>.</summary>
    private static string SesSend(string suffix) => JsonSerializer.Serialize(new
    {
        eventType = "Send",
        mail = new
        {
            timestamp = "2026-11-02T09:00:00.000Z",
            messageId = $"0100-health-{suffix}",
            destination = new[] { "reader@example.com" },
        },
        send = new { },
    });

    private static Dictionary<string, JsonElement> Pipelines(JsonElement body) => body.GetProperty("pipelines")
        .EnumerateArray()
        .ToDictionary(p => p.GetProperty("pipeline").GetString()!, p => p.Clone(), StringComparer.Ordinal);

    /// <summary>Drains the pipeline again and again until the queue has dead-lettered a message.</summary>
    private async Task<List<DrainReport>> DrainUntilDeadLetteredAsync(string pipeline)
    {
        var queues = Host.Services.GetRequiredService<IEventQueues>();
        var reports = new List<DrainReport>();
        var clock = Stopwatch.StartNew();
        while ((await queues.GetStatusAsync(pipeline, CancellationToken.None)).DeadLetters == 0)
        {
            Assert.True(clock.Elapsed < DeadLetterTimeout, $"Nothing was dead-lettered within {DeadLetterTimeout}.");
            reports.Add(await Host.DrainAsync(pipeline));
            await Task.Delay(Visibility + TimeSpan.FromMilliseconds(200));
        }

        return reports;
    }

    private async Task WaitForStatusAsync(string pipeline, Func<QueueStatus, bool> condition)
    {
        var queues = Host.Services.GetRequiredService<IEventQueues>();
        var clock = Stopwatch.StartNew();
        QueueStatus status;
        while (!condition(status = await queues.GetStatusAsync(pipeline, CancellationToken.None)))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"The {pipeline} queue still reports {status}.");
            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
