using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Providers;
using SesAnalytics.Tests.Embedded;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// A campaign's events as SES and SNS deliver them: duplicated notifications, repeated opens, an open weeks after the
/// send, a bounce arriving after the delivery, events without their send, and one complaint in both SES formats
/// (event publishing and identity notification). Tracking and metrics must be exact.
/// </summary>
public sealed class GeneratedCampaignTests : IAsyncLifetime
{
    private const string Pipeline = "outreach";
    private const string Campaign = "autumn-sale";
    private const string OtherCampaign = "winter-news";

    private readonly TempFolder _data = new();
    private const string Ana = "ana@example.net";
    private const string Ben = "ben@example.net";
    private const string Cleo = "cleo@example.net";

    /// <summary>When the campaign went out: 10:00 UTC, fifty days ago, so an open forty days later is in the past too.</summary>
    private readonly DateTimeOffset _sentAt =
        new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(-50).AddHours(10);
    private readonly List<GeneratedEvent> _firstWave = [];
    private readonly List<GeneratedEvent> _lateWave = [];
    private StandaloneTestHost? _host;
    private ExpectedMetrics? _metricsAfterFirstWave;

    private StandaloneTestHost Host => _host!;

    public async Task InitializeAsync()
    {
        _host = await StandaloneTestHost.StartAsync(EndToEndSettings.For(_data.Path, ("SesAnalytics:Drain:ReceiveWait", "00:00:00")));
        BuildCampaign();
        var queues = Host.Services.GetRequiredService<IEventQueues>();

        await queues.SendAsync(Pipeline, _firstWave.Select(e => e.Body).ToList(), CancellationToken.None);
        await Host.DrainAsync(Pipeline);
        using (var client = Host.Client())
        {
            _metricsAfterFirstWave = await AppApi.MetricsAsync(client, Pipeline, $"campaignId={Campaign}");
        }

        await queues.SendAsync(Pipeline, _lateWave.Select(e => e.Body).ToList(), CancellationToken.None);
        await Host.DrainAsync(Pipeline);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _data.Dispose();
    }

    /// <summary>Every record the contract says is kept: the first of each event key, in the order they arrived.</summary>
    private List<ExpectedRecord> Expected =>
        _firstWave.Concat(_lateWave).Select(e => e.Record).DistinctBy(r => r.Key, StringComparer.Ordinal).ToList();

    [Fact]
    public async Task Tracking_Campaign_ReturnsEachDistinctEventOnceFieldByField()
    {
        using var client = Host.Client();

        var records = await AppApi.AllTrackingAsync(client, Pipeline);

        Assert.Equal(18, records.Count);
        Assert.Equal(Expected.OrderBy(r => r.Key, StringComparer.Ordinal), records.OrderBy(r => r.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Tracking_ComplaintInBothFormats_KeepsOneRecordFromTheFirstToArrive()
    {
        using var client = Host.Client();

        var complaints = await AppApi.TrackingAsync(
            client,
            Pipeline,
            $"from=2000-01-01&to=2100-01-01&eventType=COMPLAINT&email={Cleo}");

        var complaint = Assert.Single(complaints);
        Assert.Equal(Campaign, complaint.CampaignId);
        Assert.Equal("abuse", complaint.ComplaintFeedbackType);
        Assert.Equal(ExpectedRecord.Format(_sentAt.AddHours(3)), complaint.Timestamp);
    }

    [Fact]
    public async Task Tracking_OpensOfOneMessage_KeepsEveryDistinctOpen()
    {
        using var client = Host.Client();

        var opens = await AppApi.TrackingAsync(client, Pipeline, $"from=2000-01-01&to=2100-01-01&eventType=OPEN&email={Ana}");

        Assert.Equal(
            [_sentAt.AddMinutes(5), _sentAt.AddMinutes(20), _sentAt.AddHours(26), _sentAt.AddDays(40)],
            opens.Select(o => o.Time));
    }

    [Theory]
    [InlineData(Campaign, 16)]
    [InlineData(OtherCampaign, 2)]
    [InlineData("no-such-campaign", 0)]
    public async Task Tracking_CampaignFilter_ReturnsTheRecordsCarryingThatCampaign(string campaign, int count)
    {
        using var client = Host.Client();

        var records = await AppApi.TrackingAsync(client, Pipeline, $"from=2000-01-01&to=2100-01-01&campaignId={campaign}&limit=4");

        Assert.Equal(count, records.Count);
        Assert.Equal(
            Expected.Where(r => r.CampaignId == campaign).OrderBy(r => r.Key, StringComparer.Ordinal),
            records.OrderBy(r => r.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Metrics_Campaign_AreTheHandCountedNumbers()
    {
        using var client = Host.Client();

        var metrics = await AppApi.MetricsAsync(client, Pipeline, $"campaignId={Campaign}");

        // Ana delivered, opened four times, clicked; Ben delivered then bounced; Cleo delivered, complained twice over;
        // Dan only sent; Eve delivered and opened with no Send record.
        Assert.Equal(new ExpectedMetrics(5, 4, 2, 1, 1, 1, 0, 0.8, 0.2, 0.5, 0.25, 0.25), metrics);
        Assert.Equal(ContractRules.Metrics(Expected, campaignId: Campaign), metrics);
    }

    [Fact]
    public async Task Metrics_BeforeTheLateEvents_CountedNoBounceOrComplaint()
    {
        using var client = Host.Client();

        var now = await AppApi.MetricsAsync(client, Pipeline, $"campaignId={Campaign}");

        Assert.Equal(new ExpectedMetrics(5, 4, 2, 1, 0, 0, 0, 0.8, 0.0, 0.5, 0.25, 0.0), _metricsAfterFirstWave);
        Assert.Equal(_metricsAfterFirstWave! with { Bounced = 1, Complained = 1, BounceRate = 0.2, ComplaintRate = 0.25 }, now);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Campaign)]
    [InlineData(OtherCampaign)]
    [InlineData("no-such-campaign")]
    public async Task Metrics_SendDayWindow_CountsTheOpenWeeksLaterForTheSendDay(string? campaign)
    {
        using var client = Host.Client();
        var from = new DateTimeOffset(_sentAt.UtcDateTime.Date, TimeSpan.Zero);
        var to = from.AddDays(1);
        var query = $"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}" + (campaign is null ? string.Empty : $"&campaignId={campaign}");
        var lateOpenDay = from.AddDays(40);
        var expected = ContractRules.Metrics(Expected, from, to, campaign);

        var sendDay = await AppApi.MetricsAsync(client, Pipeline, query);
        var dayOfLateOpen = await AppApi.MetricsAsync(
            client,
            Pipeline,
            $"from={lateOpenDay:yyyy-MM-dd}&to={lateOpenDay.AddDays(1):yyyy-MM-dd}");

        Assert.Equal(expected, sendDay);
        Assert.Equal(new ExpectedMetrics(0, 0, 0, 0, 0, 0, 0, null, null, null, null, null), dayOfLateOpen);
    }

    [Fact]
    public async Task Reconciliation_SendDay_CountsTheSendWithoutOutcomeAsMissing()
    {
        using var client = Host.Client();
        var day = DateOnly.FromDateTime(_sentAt.UtcDateTime);

        var reconciliation = await AppApi.ReconciliationAsync(client, Pipeline, day);

        Assert.Equal((6, 5, 1, 0, 1), reconciliation);
        Assert.Equal(ContractRules.Reconciliation(Expected, day), reconciliation);
    }

    [Fact]
    public async Task Suppressions_LateHardBounceAndComplaint_SuppressThoseAddressesOnly()
    {
        using var client = Host.Client();

        var ben = await client.GetFromJsonAsync<JsonElement>($"/api/suppressions?email={Ben}");
        var cleo = await client.GetFromJsonAsync<JsonElement>($"/api/suppressions?email={Cleo}");
        var ana = await client.GetFromJsonAsync<JsonElement>($"/api/suppressions?email={Ana}");

        var benEntry = Assert.Single(ben.GetProperty("suppressions").EnumerateArray());
        Assert.Equal("HardBounce", benEntry.GetProperty("reason").GetString());
        Assert.Equal("*", benEntry.GetProperty("scope").GetString());
        Assert.Equal("Complaint", Assert.Single(cleo.GetProperty("suppressions").EnumerateArray()).GetProperty("reason").GetString());
        Assert.Empty(ana.GetProperty("suppressions").EnumerateArray());
    }

    private void BuildCampaign()
    {
        var t = _sentAt;
        var ana = Id("ana");
        var ben = Id("ben");
        var cleo = Id("cleo");
        var dan = Id("dan");
        var eve = Id("eve");
        var other = Id("other");

        var anaDelivery = SesShapes.Event(SesShapes.Delivery, ana, Ana, t, t.AddSeconds(2), Campaign);
        var anaOpen = SesShapes.Event(SesShapes.Open, ana, Ana, t, t.AddMinutes(5), Campaign, inEnvelope: false);
        _firstWave.AddRange(
        [
            SesShapes.Event(SesShapes.Send, ana, Ana, t, campaign: Campaign),
            anaDelivery,
            anaDelivery,
            anaOpen,
            anaOpen,
            SesShapes.Event(SesShapes.Open, ana, Ana, t, t.AddMinutes(20), Campaign),
            SesShapes.Event(SesShapes.Click, ana, Ana, t, t.AddMinutes(21), Campaign),
            SesShapes.Event(SesShapes.Open, ana, Ana, t, t.AddHours(26), Campaign, inEnvelope: false),
            SesShapes.Event(SesShapes.Send, ben, Ben, t.AddSeconds(1), campaign: Campaign),
            SesShapes.Event(SesShapes.Delivery, ben, Ben, t.AddSeconds(1), t.AddSeconds(3), Campaign),
            SesShapes.Event(SesShapes.Send, cleo, Cleo, t.AddSeconds(2), campaign: Campaign, inEnvelope: false),
            SesShapes.Event(SesShapes.Delivery, cleo, Cleo, t.AddSeconds(2), t.AddSeconds(4), Campaign),
            SesShapes.Event(SesShapes.Send, dan, "dan@example.net", t.AddSeconds(3), campaign: Campaign),
            SesShapes.Event(SesShapes.Delivery, eve, "eve@example.net", t.AddSeconds(4), t.AddSeconds(6), Campaign),
            SesShapes.Event(SesShapes.Open, eve, "eve@example.net", t.AddSeconds(4), t.AddHours(1), Campaign),
            SesShapes.Event(SesShapes.Send, other, "finn@example.net", t.AddSeconds(5), campaign: OtherCampaign),
            SesShapes.Event(SesShapes.Delivery, other, "finn@example.net", t.AddSeconds(5), t.AddSeconds(7), OtherCampaign),
        ]);

        var complaint = SesShapes.Event(SesShapes.Complaint, cleo, Cleo, t.AddSeconds(2), t.AddHours(3), Campaign);
        _lateWave.AddRange(
        [
            SesShapes.Event(SesShapes.Bounce, ben, Ben, t.AddSeconds(1), t.AddDays(2), Campaign),
            complaint,
            SesShapes.Event(SesShapes.IdentityComplaint, cleo, Cleo, t.AddSeconds(2), t.AddHours(3)),
            complaint,
            SesShapes.Event(SesShapes.Open, ana, Ana, t, t.AddDays(40), Campaign),
        ]);
    }

    private static string Id(string name) => $"0100019{Guid.NewGuid():N}-{name}-000000";
}
