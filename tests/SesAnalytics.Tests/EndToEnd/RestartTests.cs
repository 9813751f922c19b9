using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesAnalytics.Core.Providers;
using SesAnalytics.Embedded;
using SesAnalytics.Tests.Embedded;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// The app stopped and started again over the same data folder: tracking, metrics, suppressions, the outbox and the
/// queues are all still there, and a message a drain had received but not stored when the app stopped is drained
/// again once its visibility timeout has passed.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    private const string Outreach = "outreach";
    private const string Financial = "financial";
    private const string Campaign = "restart-check";
    private const string LateCampaign = "late-drain";
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromMinutes(2);

    private readonly TempFolder _data = new();
    private readonly DateTimeOffset _sentAt = TimeProvider.System.GetUtcNow().AddDays(-3);
    private GeneratedEvent? _inFlight;
    private GeneratedEvent? _waiting;
    private Snapshot? _beforeStop;
    private string? _sentMessageId;
    private StandaloneTestHost? _restarted;

    private StandaloneTestHost Restarted => _restarted!;

    /// <summary>The restarted app's clock, from the moment it starts.</summary>
    private FakeTimeProvider Clock { get; set; } = new();

    public async Task InitializeAsync()
    {
        var first = await StandaloneTestHost.StartAsync(Settings());
        using (var client = first.Client())
        {
            var send = await client.PostAsJsonAsync("/api/outreach/send", new
            {
                to = new[] { "success@simulator.amazonses.com", "bounce@simulator.amazonses.com", "ana@example.net" },
                campaignId = Campaign,
                templateContent = new { subject = "News", html = "<p>Read <a href=\"https://example.com/news\">this</a></p>" },
            });
            var results = (await send.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results");
            _sentMessageId = results[2].GetProperty("messageId").GetString();
            await first.DrainAsync(Outreach);

            var queues = first.Services.GetRequiredService<IEventQueues>();
            await queues.SendAsync(Financial, SampleCorpus.Bodies, CancellationToken.None);
            await first.DrainAsync(Financial);
            var suppress = await client.PostAsJsonAsync("/api/suppressions", new { email = "zoe@example.net", scope = "*" });
            Assert.Equal(HttpStatusCode.Created, suppress.StatusCode);

            // A drain that received a message and stopped before storing it, and a message no drain has seen yet.
            _inFlight = SesShapes.Event(SesShapes.Delivery, Id("in"), "ivy@example.net", _sentAt, _sentAt.AddSeconds(2), LateCampaign);
            _waiting = SesShapes.Event(SesShapes.Delivery, Id("wait"), "wes@example.net", _sentAt, _sentAt.AddSeconds(3), LateCampaign);
            await queues.SendAsync(Outreach, [_inFlight.Body], CancellationToken.None);
            var received = await queues.ReceiveAsync(Outreach, 10, TimeSpan.Zero, CancellationToken.None);
            Assert.Equal(_inFlight.Body, Assert.Single(received).Body);
            await queues.SendAsync(Outreach, [_waiting.Body], CancellationToken.None);

            _beforeStop = await Snapshot.TakeAsync(first, client, _data.Path);
        }

        await first.DisposeAsync();
        Clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        _restarted = await StandaloneTestHost.StartAsync(Settings(), services => services.AddSingleton<TimeProvider>(Clock));
    }

    public async Task DisposeAsync()
    {
        await Restarted.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Restart_SameDataFolder_KeepsTrackingMetricsSuppressionsOutboxAndQueues()
    {
        using var client = Restarted.Client();

        var after = await Snapshot.TakeAsync(Restarted, client, _data.Path);

        Assert.Equal(_beforeStop!.Outreach, after.Outreach);
        Assert.Equal(_beforeStop.Financial, after.Financial);
        Assert.Equal(SampleCorpus.RecordsAfterReplay(SampleCorpus.Files).Count, after.Financial.Count);
        Assert.Equal(_beforeStop.Metrics, after.Metrics);
        Assert.Equal(_beforeStop.Suppressions, after.Suppressions);
        Assert.Contains("\"Manual\"", after.Suppressions, StringComparison.Ordinal);
        Assert.Equal(_beforeStop.OutboxFiles, after.OutboxFiles);
        Assert.Equal(3, after.OutboxFiles.Count);
        Assert.Equal(_beforeStop.OutreachQueue with { OldestAge = null }, after.OutreachQueue with { OldestAge = null });
        Assert.Equal(1, after.OutreachQueue.Visible);
        Assert.Equal(1, after.OutreachQueue.InFlight);
    }

    [Fact]
    public async Task Drain_MessageReceivedButNotStoredBeforeStop_IsDrainedOnceItsVisibilityTimeoutHasPassed()
    {
        using var client = Restarted.Client();
        const string query = "from=2000-01-01&to=2100-01-01&email=";

        var beforeTimeout = await Restarted.DrainAsync(Outreach);
        var waitingStored = await AppApi.TrackingAsync(client, Outreach, query + "wes@example.net");
        var inFlightNotYet = await AppApi.TrackingAsync(client, Outreach, query + "ivy@example.net");
        Clock.Advance(VisibilityTimeout);
        var afterTimeout = await Restarted.DrainAsync(Outreach);
        var inFlightStored = await AppApi.TrackingAsync(client, Outreach, query + "ivy@example.net");
        var queue = await Restarted.Services.GetRequiredService<IEventQueues>().GetStatusAsync(Outreach, CancellationToken.None);

        Assert.Equal((1, 1), (beforeTimeout.Received, beforeTimeout.Stored));
        Assert.Equal([_waiting!.Record], waitingStored);
        Assert.Empty(inFlightNotYet);
        Assert.Equal((1, 1), (afterTimeout.Received, afterTimeout.Stored));
        Assert.Equal([_inFlight!.Record], inFlightStored);
        Assert.Equal(new QueueStatus(0, 0, null, 0), queue);
    }

    [Fact]
    public async Task PublishOpen_MessageSentBeforeRestart_IsStillInTheOutboxAndCounts()
    {
        using var client = Restarted.Client();
        var engagement = Restarted.Services.GetRequiredService<OutboxEngagement>();

        var published = await engagement.PublishOpenAsync(_sentMessageId!, CancellationToken.None);
        await Restarted.DrainAsync(Outreach);
        var metrics = await AppApi.MetricsAsync(client, Outreach, $"campaignId={Campaign}");

        Assert.True(published);
        Assert.Equal(new ExpectedMetrics(3, 2, 0, 0, 1, 0, 0, 2.0 / 3, 1.0 / 3, 0, 0, 0), _beforeStop!.Metrics);
        Assert.Equal(_beforeStop.Metrics with { Opened = 1, OpenRate = 0.5 }, metrics);
    }

    private Dictionary<string, string?> Settings() => EndToEndSettings.For(
        _data.Path,
        ("SesAnalytics:Embedded:VisibilityTimeout", VisibilityTimeout.ToString()),
        ("SesAnalytics:Drain:ReceiveWait", "00:00:00"));

    private static string Id(string name) => $"0100019{Guid.NewGuid():N}-{name}-000000";

    /// <summary>What a user of the app can see of its data, taken through the routes and the providers.</summary>
    private sealed record Snapshot(
        IReadOnlyList<ExpectedRecord> Outreach,
        IReadOnlyList<ExpectedRecord> Financial,
        ExpectedMetrics Metrics,
        string Suppressions,
        IReadOnlyList<string> OutboxFiles,
        QueueStatus OutreachQueue)
    {
        public static async Task<Snapshot> TakeAsync(StandaloneTestHost host, HttpClient client, string dataPath)
        {
            var suppressions = new List<string>();
            foreach (var email in new[] { "zoe@example.net", "jane@example.com", "recipient1@example.com", "ana@example.net" })
            {
                suppressions.Add(await client.GetStringAsync($"/api/suppressions?email={email}"));
            }

            var outbox = Directory.EnumerateFiles(Path.Combine(dataPath, "outbox")).Select(f => Path.GetFileName(f));
            return new Snapshot(
                await AppApi.AllTrackingAsync(client, "outreach"),
                await AppApi.AllTrackingAsync(client, "financial"),
                await AppApi.MetricsAsync(client, "outreach", $"campaignId={Campaign}"),
                string.Join('\n', suppressions),
                outbox.Order(StringComparer.Ordinal).ToList(),
                await host.Services.GetRequiredService<IEventQueues>().GetStatusAsync("outreach", CancellationToken.None));
        }
    }
}
