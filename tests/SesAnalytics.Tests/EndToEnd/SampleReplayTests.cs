using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Providers;
using SesAnalytics.Tests.Embedded;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// The main job on the embedded default: every shared sample put on the financial pipeline's queue and drained, then
/// read back through the routes. Expected values come from the samples' <c>.expected.json</c> files and the
/// contract's rules (<see cref="ContractRules"/>), never from the product's code.
/// </summary>
public sealed class SampleReplayTests : IAsyncLifetime
{
    private const string Pipeline = "financial";

    private readonly TempFolder _data = new();
    private StandaloneTestHost? _host;
    private DrainReport? _drained;

    private StandaloneTestHost Host => _host!;

    private static IReadOnlyList<ExpectedRecord> Expected => SampleCorpus.RecordsAfterReplay(SampleCorpus.Files);

    public async Task InitializeAsync()
    {
        // One receiver takes the queue in order, so of two samples holding the same event the earlier file is
        // the one stored first, and kept: that is what the expected records assume.
        _host = await StandaloneTestHost.StartAsync(EndToEndSettings.For(
            _data.Path,
            ("SesAnalytics:Drain:ConcurrentReceivers", "1"),
            ("SesAnalytics:Drain:ReceiveWait", "00:00:00")));
        var queues = Host.Services.GetRequiredService<IEventQueues>();
        await queues.SendAsync(Pipeline, SampleCorpus.Bodies, CancellationToken.None);
        _drained = await Host.DrainAsync(Pipeline);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Drain_AllSamples_HandlesEachFileAsItsExpectedStatusSays()
    {
        var files = SampleCorpus.Files;

        var status = await Host.Services.GetRequiredService<IEventQueues>().GetStatusAsync(Pipeline, CancellationToken.None);

        Assert.Equal(files.Count, _drained!.Received);
        Assert.Equal(files.Count(f => f.Status == "ok"), _drained.Stored);
        Assert.Equal(files.Count(f => f.Status == "ignored"), _drained.Ignored);
        Assert.Equal(files.Count(f => f.Status == "invalid"), _drained.Invalid);
        Assert.Equal(0, _drained.StoreFailures);
        Assert.Equal(files.Count(f => f.Status == "invalid"), status.Visible + status.InFlight);
        Assert.Equal(0, status.DeadLetters);
    }

    [Fact]
    public async Task Tracking_AllSamples_ReturnsEveryExpectedRecordOnceFieldByField()
    {
        using var client = Host.Client();

        var records = await AppApi.AllTrackingAsync(client, Pipeline);

        Assert.Equal(33, records.Count);
        Assert.Equal(Expected.OrderBy(r => r.Key, StringComparer.Ordinal), records.OrderBy(r => r.Key, StringComparer.Ordinal));
        Assert.Equal(records.OrderBy(r => r.Time), records);
    }

    [Fact]
    public async Task Tracking_SameEventInTwoSamples_KeepsTheOneStoredFirst()
    {
        using var client = Host.Client();

        var complaints = await AppApi.TrackingAsync(
            client,
            Pipeline,
            "from=2017-08-05T00:41:02.669Z&to=2017-08-05T00:41:02.670Z&eventType=COMPLAINT");

        var complaint = Assert.Single(complaints);
        Assert.Equal("EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000", complaint.MessageId);
        Assert.Equal("abuse", complaint.ComplaintFeedbackType);
    }

    [Theory]
    [InlineData("month=january&year=2016")]
    [InlineData("month=AUGUST&year=2017")]
    [InlineData("month=November&year=2019")]
    [InlineData("from=2020-04-02&to=2020-04-03")]
    [InlineData("from=2020-04-02T22:00:00%2B02:00&to=2020-04-03T02:00:00%2B02:00")]
    [InlineData("from=2016-01-01&to=2021-01-01&limit=3")]
    [InlineData("from=2000-01-01&to=2100-01-01&email=jane@example.com")]
    [InlineData("from=2000-01-01&to=2100-01-01&email=RECIPIENT1@example.com&limit=2")]
    [InlineData("from=2000-01-01&to=2100-01-01&eventType=BOUNCE")]
    [InlineData("from=2000-01-01&to=2100-01-01&eventType=complaint&email=richard@example.com")]
    [InlineData("month=march&year=2026")]
    public async Task Tracking_WindowAndFilters_ReturnsExactlyTheMatchingRecords(string query)
    {
        using var client = Host.Client();
        var expected = Expected.Where(Matches(query)).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();

        var records = await AppApi.TrackingAsync(client, Pipeline, query);

        Assert.Equal(expected, records.OrderBy(r => r.Key, StringComparer.Ordinal));
    }

    [Fact]
    public async Task Metrics_AllRetained_AreTheHandCountedNumbers()
    {
        using var client = Host.Client();

        var metrics = await AppApi.MetricsAsync(client, Pipeline);

        // 23 message ids; all but the Subscription-only one are sent. The docs' EXAMPLE message carries every type.
        Assert.Equal(
            new ExpectedMetrics(
                Sent: 22,
                Delivered: 6,
                Opened: 3,
                Clicked: 3,
                Bounced: 7,
                Complained: 7,
                Rejected: 1,
                DeliveryRate: 6.0 / 22,
                BounceRate: 7.0 / 22,
                OpenRate: 0.5,
                ClickRate: 0.5,
                ComplaintRate: 7.0 / 6),
            metrics);
    }

    [Fact]
    public async Task Metrics_EachYearAndAll_MatchTheContractRules()
    {
        using var client = Host.Client();
        var years = Enumerable.Range(2013, 14).ToList();

        var all = await AppApi.MetricsAsync(client, Pipeline);
        var byYear = new List<(int Year, ExpectedMetrics Metrics)>();
        foreach (var year in years)
        {
            byYear.Add((year, await AppApi.MetricsAsync(client, Pipeline, $"from={year}-01-01&to={year + 1}-01-01")));
        }

        Assert.Equal(ContractRules.Metrics(Expected), all);
        Assert.All(byYear, y => Assert.Equal(ContractRules.Metrics(Expected, NewYear(y.Year), NewYear(y.Year + 1)), y.Metrics));
        Assert.Equal(all.Sent, byYear.Sum(y => y.Metrics.Sent));
    }

    [Theory]
    [InlineData("month=january&year=2016")]
    [InlineData("month=august&year=2017")]
    [InlineData("from=2019-11-28T09:14:00Z&to=2019-11-28T09:44:00Z")]
    [InlineData("from=2016-10-14T05:02:16.645Z&to=2016-10-14T05:02:16.646Z")]
    [InlineData("month=june&year=2020")]
    [InlineData("campaignId=spring-2026")]
    public async Task Metrics_Window_MatchesTheContractRules(string query)
    {
        using var client = Host.Client();
        var window = WindowOf(query);
        var campaign = query.StartsWith("campaignId=", StringComparison.Ordinal) ? query["campaignId=".Length..] : null;

        var metrics = await AppApi.MetricsAsync(client, Pipeline, query);

        Assert.Equal(ContractRules.Metrics(Expected, window?.From, window?.To, campaign), metrics);
    }

    [Fact]
    public async Task Metrics_SamplesReplayedIntoFinancial_LeaveOutreachEmpty()
    {
        using var client = Host.Client();

        var outreach = await AppApi.MetricsAsync(client, "outreach");
        var tracking = await AppApi.AllTrackingAsync(client, "outreach");

        Assert.Equal(new ExpectedMetrics(0, 0, 0, 0, 0, 0, 0, null, null, null, null, null), outreach);
        Assert.Empty(tracking);
    }

    /// <summary>The tracking query's rules for <paramref name="query"/>: window on the event time, then each filter.</summary>
    private static Func<ExpectedRecord, bool> Matches(string query)
    {
        var window = WindowOf(query)!.Value;
        var parameters = Parameters(query);
        var email = parameters.GetValueOrDefault("email")?.ToLowerInvariant();
        var type = parameters.GetValueOrDefault("eventType")?.ToUpperInvariant();
        return r => r.Time >= window.From && r.Time < window.To
            && (email is null || r.Email == email)
            && (type is null || r.EventType == type);
    }

    private static (DateTimeOffset From, DateTimeOffset To)? WindowOf(string query)
    {
        var parameters = Parameters(query);
        if (parameters.TryGetValue("month", out var month))
        {
            var number = DateTime.ParseExact(month, "MMMM", CultureInfo.InvariantCulture).Month;
            var year = int.Parse(parameters["year"], CultureInfo.InvariantCulture);
            var start = new DateTimeOffset(year, number, 1, 0, 0, 0, TimeSpan.Zero);
            return (start, start.AddMonths(1));
        }

        return parameters.TryGetValue("from", out var from)
            ? (ExpectedRecord.Instant(from), ExpectedRecord.Instant(parameters["to"]))
            : null;
    }

    private static DateTimeOffset NewYear(int year) => new(year, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Dictionary<string, string> Parameters(string query) =>
        query.Split('&').Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => Uri.UnescapeDataString(p[1]), StringComparer.Ordinal);
}
