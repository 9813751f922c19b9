using System.Text.Json;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// The shared SES samples through SNS, SQS, the drain and DynamoDB of the standalone host in AWS mode: the tracking
/// and metrics routes answer what the samples' expected files give under the contract's rules.
/// </summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class AwsSampleEndToEndTests(AwsEmulators emulators, AwsSampleRun run) : IClassFixture<AwsSampleRun>, IAsyncLifetime
{
    private const string Everything = "from=2000-01-01&to=2100-01-01";

    public Task InitializeAsync() => run.EnsureAsync(emulators);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(PipelineDefaults.Outreach)]
    [InlineData(PipelineDefaults.Financial)]
    public void Drain_PublishedSamples_HandlesEachAsItsExpectedStatus(string pipeline)
    {
        var published = run.Published(pipeline);

        var report = run.Report(pipeline);

        Assert.Equal(published.Count, report.Received);
        Assert.Equal(published.Count(s => s.Status == "ok"), report.Stored);
        Assert.Equal(published.Count(s => s.Status == "ignored"), report.Ignored);
        Assert.Equal(published.Count(s => s.Status == "invalid"), report.Invalid);
        Assert.Equal(0, report.StoreFailures);
    }

    [Theory]
    [InlineData(PipelineDefaults.Outreach)]
    [InlineData(PipelineDefaults.Financial)]
    public async Task TrackingRoute_WholeRangeInPagesOfSeven_ReturnsEveryExpectedRecordOnce(string pipeline)
    {
        var expected = AwsSampleExpectations.Events(run.Published(pipeline));

        var items = await QueryAllAsync(pipeline, $"{Everything}&limit=7");

        Assert.Equal(Rows(expected), Rows(items));
    }

    [Theory]
    [InlineData(PipelineDefaults.Outreach, "JANUARY", 2016)]
    [InlineData(PipelineDefaults.Financial, "january", 2016)]
    [InlineData(PipelineDefaults.Financial, "August", 2017)]
    [InlineData(PipelineDefaults.Outreach, "October", 2016)]
    public async Task TrackingRoute_MonthAndYear_ReturnsTheRecordsOfThatMonth(string pipeline, string month, int year)
    {
        var start = AwsExpectedEvent.ParseInstant($"{year}-{MonthNumber(month):00}-01T00:00:00Z");
        var expected = AwsSampleExpectations.Events(run.Published(pipeline))
            .Where(e => e.Time >= start && e.Time < start.AddMonths(1))
            .ToList();

        var items = await QueryAllAsync(pipeline, $"month={month}&year={year}");

        Assert.NotEmpty(expected);
        Assert.Equal(Rows(expected), Rows(items));
    }

    [Theory]
    [InlineData(PipelineDefaults.Outreach, "BOUNCE")]
    [InlineData(PipelineDefaults.Financial, "COMPLAINT")]
    [InlineData(PipelineDefaults.Financial, "CLICK")]
    public async Task TrackingRoute_EventTypeFilter_ReturnsOnlyThatType(string pipeline, string eventType)
    {
        var expected = AwsSampleExpectations.Events(run.Published(pipeline)).Where(e => e.EventType == eventType).ToList();

        var items = await QueryAllAsync(pipeline, $"{Everything}&eventType={eventType}");

        Assert.NotEmpty(expected);
        Assert.Equal(Rows(expected), Rows(items));
    }

    [Theory]
    [InlineData(PipelineDefaults.Outreach, "recipient@example.com")]
    [InlineData(PipelineDefaults.Financial, "Jane@Example.com")]
    public async Task TrackingRoute_EmailFilter_ReturnsThatRecipientsRecords(string pipeline, string email)
    {
        var expected = AwsSampleExpectations.Events(run.Published(pipeline))
            .Where(e => string.Equals(e.Recipient, email, StringComparison.OrdinalIgnoreCase))
            .ToList();

        var items = await QueryAllAsync(pipeline, $"{Everything}&email={Uri.EscapeDataString(email)}");

        Assert.NotEmpty(expected);
        Assert.Equal(Rows(expected), Rows(items));
    }

    [Theory]
    [InlineData(PipelineDefaults.Outreach)]
    [InlineData(PipelineDefaults.Financial)]
    public async Task MetricsRoute_NoWindow_CountsEveryRetainedMessage(string pipeline)
    {
        var expected = AwsSampleExpectations.Metrics(AwsSampleExpectations.Events(run.Published(pipeline)));

        var metrics = await MetricsAsync(pipeline, string.Empty);

        AssertMetrics(expected, metrics);
    }

    [Theory]
    [InlineData(PipelineDefaults.Outreach, "2020-05-01", "2020-06-01")]
    [InlineData(PipelineDefaults.Outreach, "2020-05-29", "2020-05-30")]
    [InlineData(PipelineDefaults.Financial, "2021-01-01", "2026-01-01")]
    [InlineData(PipelineDefaults.Financial, "2019-01-01", "2020-01-01")]
    [InlineData(PipelineDefaults.Financial, "2016-01-01", "2016-02-01")]
    [InlineData(PipelineDefaults.Outreach, "2016-01-27T14:59:38.237Z", "2016-01-27T14:59:38.238Z")]
    public async Task MetricsRoute_FromTo_CountsTheMessagesSentInTheWindow(string pipeline, string from, string to)
    {
        var expected = AwsSampleExpectations.Metrics(
            AwsSampleExpectations.Events(run.Published(pipeline)),
            AwsExpectedEvent.ParseInstant(from),
            AwsExpectedEvent.ParseInstant(to));

        var metrics = await MetricsAsync(pipeline, $"from={from}&to={to}");

        Assert.True(expected.Sent > 0, "The window should hold sent messages.");
        AssertMetrics(expected, metrics);
    }

    [Theory]
    [InlineData(PipelineDefaults.Financial, "JANUARY", 2016)]
    [InlineData(PipelineDefaults.Financial, "november", 2019)]
    [InlineData(PipelineDefaults.Outreach, "may", 2020)]
    [InlineData(PipelineDefaults.Outreach, "august", 2017)]
    public async Task MetricsRoute_MonthAndYear_CountsTheMessagesSentThatMonth(string pipeline, string month, int year)
    {
        var start = AwsExpectedEvent.ParseInstant($"{year}-{MonthNumber(month):00}-01T00:00:00Z");
        var expected = AwsSampleExpectations.Metrics(
            AwsSampleExpectations.Events(run.Published(pipeline)),
            start,
            start.AddMonths(1));

        var metrics = await MetricsAsync(pipeline, $"month={month}&year={year}");

        Assert.True(expected.Sent > 0, "The month should hold sent messages.");
        AssertMetrics(expected, metrics);
    }

    [Theory]
    [InlineData(PipelineDefaults.Outreach)]
    [InlineData(PipelineDefaults.Financial)]
    public async Task MetricsRoute_CampaignNoSampleCarries_ZeroCountsAndNullRates(string pipeline)
    {
        var expected = AwsSampleExpectations.Metrics(AwsSampleExpectations.Events(run.Published(pipeline)), campaignId: "spring-2026");

        var metrics = await MetricsAsync(pipeline, "campaignId=spring-2026");

        Assert.Equal(0, expected.Sent);
        AssertMetrics(expected, metrics);
    }

    [Theory]
    [InlineData(PipelineDefaults.Outreach)]
    [InlineData(PipelineDefaults.Financial)]
    public async Task MetricsRoute_WindowBeforeEverySample_ZeroCountsAndNullRates(string pipeline)
    {
        var expected = AwsSampleExpectations.Metrics(
            AwsSampleExpectations.Events(run.Published(pipeline)),
            AwsExpectedEvent.ParseInstant("2005-01-01T00:00:00Z"),
            AwsExpectedEvent.ParseInstant("2010-01-01T00:00:00Z"));

        var metrics = await MetricsAsync(pipeline, "from=2005-01-01&to=2010-01-01");

        Assert.Equal(0, expected.Sent);
        AssertMetrics(expected, metrics);
    }

    private static string TrackingRoute(string pipeline) => pipeline == PipelineDefaults.Outreach
        ? "/api/outreach/tracking-data-ses"
        : "/api/financial/tracking-data";

    private static int MonthNumber(string month) =>
        Array.FindIndex(
            System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.MonthNames,
            n => string.Equals(n, month, StringComparison.OrdinalIgnoreCase)) + 1;

    /// <summary>Each expected record as its identity and campaign, in ordinal order.</summary>
    private static List<string> Rows(IEnumerable<AwsExpectedEvent> events) =>
        events.Select(e => $"{e.Key}|{e.CampaignId}").Order(StringComparer.Ordinal).ToList();

    /// <summary>Each returned item in the form of <see cref="Rows(IEnumerable{AwsExpectedEvent})"/>.</summary>
    private static List<string> Rows(IEnumerable<JsonElement> items) => items
        .Select(i => string.Join(
            '|',
            i.GetProperty("messageId").GetString(),
            i.GetProperty("sesEventType").GetString(),
            i.GetProperty("email").GetString(),
            i.GetProperty("timestamp").GetString(),
            i.GetProperty("campaignId").GetString()))
        .Order(StringComparer.Ordinal)
        .ToList();

    private static void AssertMetrics(AwsExpectedMetrics expected, JsonElement metrics)
    {
        var actual = new AwsExpectedMetrics(
            metrics.GetProperty("sent").GetInt64(),
            metrics.GetProperty("delivered").GetInt64(),
            metrics.GetProperty("opened").GetInt64(),
            metrics.GetProperty("clicked").GetInt64(),
            metrics.GetProperty("bounced").GetInt64(),
            metrics.GetProperty("complained").GetInt64(),
            metrics.GetProperty("rejected").GetInt64(),
            Rate(metrics, "deliveryRate"),
            Rate(metrics, "bounceRate"),
            Rate(metrics, "openRate"),
            Rate(metrics, "clickRate"),
            Rate(metrics, "complaintRate"));
        Assert.Equal(Rounded(expected), Rounded(actual));
    }

    private static double? Rate(JsonElement metrics, string name) =>
        metrics.GetProperty(name) is { ValueKind: JsonValueKind.Number } rate ? rate.GetDouble() : null;

    /// <summary>Rates to nine digits, so a different but equivalent division order does not fail the comparison.</summary>
    private static AwsExpectedMetrics Rounded(AwsExpectedMetrics m) => m with
    {
        DeliveryRate = Round(m.DeliveryRate),
        BounceRate = Round(m.BounceRate),
        OpenRate = Round(m.OpenRate),
        ClickRate = Round(m.ClickRate),
        ComplaintRate = Round(m.ComplaintRate),
    };

    private static double? Round(double? rate) => rate is { } value ? Math.Round(value, 9) : null;

    private async Task<JsonElement> MetricsAsync(string pipeline, string query)
    {
        using var client = run.Host.Client();
        using var response = await client.GetAsync($"/api/{pipeline}/metrics?{query}");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"The metrics route answered {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.Clone();
    }

    /// <summary>Every page of a tracking query, following <c>nextToken</c>; each page holds at most the limit asked for.</summary>
    private async Task<List<JsonElement>> QueryAllAsync(string pipeline, string query)
    {
        using var client = run.Host.Client();
        var items = new List<JsonElement>();
        string? nextToken = null;
        var pages = 0;
        do
        {
            var url = $"{TrackingRoute(pipeline)}?{query}"
                + (nextToken is null ? string.Empty : $"&nextToken={Uri.EscapeDataString(nextToken)}");
            using var response = await client.GetAsync(url);
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {text}");
            var page = JsonSerializer.Deserialize<JsonElement>(text);
            var pageItems = page.GetProperty("items").EnumerateArray().ToList();
            Assert.Equal(pageItems.Count, page.GetProperty("count").GetInt32());
            items.AddRange(pageItems);
            nextToken = page.GetProperty("nextToken").GetString();
            Assert.True(++pages <= 100, "The tracking route kept returning a nextToken.");
        }
        while (nextToken is not null);

        return items;
    }
}
