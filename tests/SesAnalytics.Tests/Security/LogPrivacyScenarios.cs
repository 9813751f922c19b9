using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Tests.Hosting;
using SesAnalytics.Tests.Robustness;

namespace SesAnalytics.Tests.Security;

/// <summary>
/// A full run through the standalone host (send to people and to the mailbox simulator, events including a bounce
/// and an unreadable message, drain, queries, metrics, unsubscribe, suppression add, lookup and lift), with every
/// log record captured at every level of the app's own categories: none holds a full address or any message body.
/// </summary>
public abstract class LogPrivacyScenarios
{
    private const string SubjectMarker = "subject-marker-7c1d";
    private const string HtmlMarker = "html-marker-5e2a";
    private const string DataMarker = "data-marker-9b4f";
    private const string PoisonMarker = "poison-marker-3f8e";

    private static readonly string[] People =
        ["ana.person@example.com", "bob.person@example.org", "carol.person@example.net", "dave.person@example.com"];

    private static readonly string[] Simulator =
        ["success@simulator.amazonses.com", "bounce@simulator.amazonses.com", "complaint@simulator.amazonses.com"];

    protected abstract Task<ProviderSet> CreateProvidersAsync();

    [Fact]
    public async Task FullRun_EveryLogRecord_HoldsNoFullAddressAndNoBody()
    {
        await using var providers = await CreateProvidersAsync();
        var collector = new FakeLogCollector();
        var settings = new Dictionary<string, string?>(providers.Settings)
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:SesAnalytics"] = "Trace",
        };
        await using var host = await StandaloneTestHost.StartAsync(settings, services =>
        {
            providers.ConfigureServices(services);
            services.AddSingleton<ILoggerProvider>(new FakeLoggerProvider(collector));
        });

        await RunAsync(host);
        var records = collector.GetSnapshot();

        Assert.True(records.Count > 20, $"Only {records.Count} log records were captured; the run should log more.");
        Assert.Contains(records, r => r.Id.Name == "DrainCompleted");
        Assert.Empty(CapturedLogs.WithFullAddresses(records));
        foreach (var secret in new[] { SubjectMarker, HtmlMarker, DataMarker, PoisonMarker, "\"eventType\"", "\"Message\"" })
        {
            Assert.Empty(CapturedLogs.Containing(records, secret));
        }
    }

    private static async Task RunAsync(StandaloneTestHost host)
    {
        using var client = host.Client();
        var campaign = "privacy-run";
        var outreach = await client.PostAsJsonAsync("/api/outreach/send", new
        {
            to = People.Take(2).Concat(Simulator).ToArray(),
            campaignId = campaign,
            templateContent = new
            {
                subject = $"Offer {SubjectMarker} for {{{{firstName}}}}",
                html = $"<p>{HtmlMarker} Hi {{{{firstName}}}}</p>",
                text = $"{HtmlMarker} Hi {{{{firstName}}}}",
            },
            templateData = new { firstName = DataMarker },
        });
        var financial = await client.PostAsJsonAsync("/api/financial/send-report", new
        {
            to = People[2],
            campaignId = "monthly-report",
            reportId = "r-2026-01",
            templateContent = new { subject = $"Report {SubjectMarker}", text = $"{HtmlMarker} {{{{firstName}}}}" },
            templateData = new { firstName = DataMarker },
        });
        Assert.Equal(HttpStatusCode.Accepted, outreach.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, financial.StatusCode);
        var sent = (await outreach.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray()
            .ToDictionary(r => r.GetProperty("recipient").GetString()!, r => r.GetProperty("messageId").GetString());

        // Events as SES publishes them (in an SNS envelope), a permanent bounce among them, and a body nobody can read.
        var queues = host.Services.GetRequiredService<IEventQueues>();
        var now = DateTimeOffset.UtcNow;
        await queues.SendAsync(
            PipelineDefaults.Outreach,
            [
                SesEventJson.InSnsEnvelope(SesEventJson.Delivery(sent[People[0]]!, People[0], now, campaign), now),
                SesEventJson.InSnsEnvelope(SesEventJson.Bounce(sent[People[1]]!, People[1], now, campaign), now),
                $$"""{"note":"{{PoisonMarker}} {{People[3]}}","Type":"Notification","Message":"{\"eventType\":""",
            ],
            CancellationToken.None);
        await host.DrainAsync(PipelineDefaults.Outreach);
        await host.DrainAsync(PipelineDefaults.Financial);

        var month = now.ToString("MMMM", CultureInfo.InvariantCulture);
        await EnsureSuccessAsync(client.GetAsync($"/api/outreach/tracking-data-ses?month={month}&year={now.Year}"));
        await EnsureSuccessAsync(client.GetAsync(
            $"/api/outreach/tracking-data-ses?month={month}&year={now.Year}&email={Uri.EscapeDataString(People[0])}"));
        await EnsureSuccessAsync(client.GetAsync($"/api/financial/tracking-data?month={month}&year={now.Year}"));
        await EnsureSuccessAsync(client.GetAsync($"/api/outreach/metrics?campaignId={campaign}"));
        await EnsureSuccessAsync(client.GetAsync($"/api/outreach/reconciliation?day={now:yyyy-MM-dd}"));

        var signer = host.Services.GetRequiredService<UnsubscribeTokenSigner>();
        var token = Uri.EscapeDataString(
            signer.Sign(new UnsubscribeToken(PipelineDefaults.Outreach, People[0], campaign, now.AddDays(30))));
        using var anonymous = host.Client(withKey: false);
        await EnsureSuccessAsync(anonymous.GetAsync($"/api/unsubscribe?token={token}"));
        await EnsureSuccessAsync(anonymous.PostAsync($"/api/unsubscribe?token={token}", new FormUrlEncodedContent(
            [KeyValuePair.Create("List-Unsubscribe", "One-Click")])));
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.PostAsync($"/api/unsubscribe?token={token}x", null)).StatusCode);

        await EnsureSuccessAsync(client.PostAsJsonAsync("/api/suppressions", new { email = People[3], scope = "*" }));
        await EnsureSuccessAsync(client.GetAsync($"/api/suppressions?email={Uri.EscapeDataString(People[3])}"));
        await EnsureSuccessAsync(client.DeleteAsync($"/api/suppressions?email={Uri.EscapeDataString(People[3])}&scope=*"));

        // Suppressed now (unsubscribed, bounced): the send reports them without sending.
        var again = await client.PostAsJsonAsync("/api/outreach/send", new
        {
            to = People.Take(2).ToArray(),
            campaignId = campaign,
            templateContent = new { subject = $"Again {SubjectMarker}", text = HtmlMarker },
        });
        var statuses = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(["suppressed", "suppressed"], statuses);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/api/outreach/send", new { to = People[3] })).StatusCode);
    }

    private static async Task EnsureSuccessAsync(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(
            response.IsSuccessStatusCode,
            $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: " +
            await response.Content.ReadAsStringAsync());
    }
}
