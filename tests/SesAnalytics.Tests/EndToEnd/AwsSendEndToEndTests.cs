using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Aws.Ses;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Sending;
using SesAnalytics.Tests.Aws;
using SesAnalytics.Tests.Emulators;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// The send routes of the standalone host in AWS mode: through SES v2 (aws-ses-v2-local), with the SEND record in
/// DynamoDB (dynalite). The emulator keeps neither configuration sets nor tags, so those are read from the
/// outgoing SES request.
/// </summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class AwsSendEndToEndTests(AwsEmulators emulators) : IAsyncLifetime
{
    private readonly RequestRecorder _recorder = new();
    private readonly string _template = EmulatorAws.UniqueName("spring-offer");
    private AwsAppEnvironment? _environment;
    private StandaloneTestHost? _host;

    private StandaloneTestHost Host => _host!;

    public async Task InitializeAsync()
    {
        _environment = await AwsAppEnvironment.CreateAsync(emulators);
        _host = await _environment.StartHostAsync(
            configureServices: services => services.AddHttpClient(SesV2Api.HttpClientName).AddHttpMessageHandler(_recorder.CreateHandler));
        await Host.Services.GetRequiredService<IEmailTemplates>().PutAsync(
            new EmailTemplate(_template, "Hello {{firstName}}", "<p>Hi {{firstName}}, spring is here.</p>", "Hi {{firstName}}!"),
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task OutreachSend_StoredTemplateToTwoRecipients_SesStoresRenderedEmailsWithUnsubscribeHeaders()
    {
        string[] recipients = [Recipient(), Recipient()];
        using var client = Host.Client();

        var results = await SendAsync(client, "/api/outreach/send", new
        {
            to = recipients,
            templateName = _template,
            templateData = new { firstName = "Ana" },
            campaignId = "spring-2026",
            tags = new { segment = "smb" },
        });

        Assert.Equal(recipients, results.Select(r => r.GetProperty("recipient").GetString()));
        Assert.All(results, r => Assert.Equal("sent", r.GetProperty("status").GetString()));
        var links = new List<string>();
        for (var i = 0; i < recipients.Length; i++)
        {
            var stored = await StoredEmailAsync(MessageId(results[i]));
            Assert.Equal("outreach@example.com", stored.GetProperty("from").GetString());
            Assert.Equal(recipients[i], Assert.Single(stored.GetProperty("destination").GetProperty("to").EnumerateArray()).GetString());
            Assert.Equal("Hello Ana", stored.GetProperty("subject").GetString());
            Assert.Equal("<p>Hi Ana, spring is here.</p>", stored.GetProperty("body").GetProperty("html").GetString());
            Assert.Equal("Hi Ana!", stored.GetProperty("body").GetProperty("text").GetString());
            var headers = Headers(stored);
            Assert.StartsWith(
                $"<{AwsAppEnvironment.PublicBaseUrl}/api/unsubscribe?token=",
                headers["List-Unsubscribe"],
                StringComparison.Ordinal);
            Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
            links.Add(headers["List-Unsubscribe"]);
        }

        Assert.Equal(2, links.Distinct().Count());
    }

    [Fact]
    public async Task OutreachSend_StoredTemplate_SesRequestCarriesConfigurationSetAndTags()
    {
        string[] recipients = [Recipient(), Recipient()];
        using var client = Host.Client();

        await SendAsync(client, "/api/outreach/send", new
        {
            to = recipients,
            templateName = _template,
            templateData = new { firstName = "Ana" },
            campaignId = "spring-2026",
            tags = new { segment = "smb" },
        });

        var request = Assert.Single(_recorder.Requests, r => r.Body.Contains(recipients[0], StringComparison.Ordinal));
        Assert.Equal("/v2/email/outbound-bulk-emails", request.Uri.AbsolutePath);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("outreach-tracking", root.GetProperty("ConfigurationSetName").GetString());
        Assert.Equal(["campaign=spring-2026", "pipeline=outreach", "segment=smb"], NameValues(root.GetProperty("DefaultEmailTags")));
        Assert.Equal(_template, root.GetProperty("DefaultContent").GetProperty("Template").GetProperty("TemplateName").GetString());
        Assert.All(
            root.GetProperty("BulkEmailEntries").EnumerateArray(),
            entry => Assert.Equal(
                ["List-Unsubscribe", "List-Unsubscribe-Post"],
                entry.GetProperty("ReplacementHeaders").EnumerateArray().Select(h => h.GetProperty("Name").GetString())));
    }

    [Fact]
    public async Task OutreachSend_InlineTemplateContent_SesStoresItRenderedAndTheRequestCarriesConfigurationSetAndTags()
    {
        var recipient = Recipient();
        using var client = Host.Client();

        var results = await SendAsync(client, "/api/outreach/send", new
        {
            to = recipient,
            templateContent = new { subject = "Offer for {{firstName}}", html = "<b>{{firstName}}</b>", text = "Dear {{firstName}}" },
            templateData = new { firstName = "Bea" },
            campaignId = "summer-2026",
        });

        var stored = await StoredEmailAsync(MessageId(Assert.Single(results)));
        Assert.Equal("Offer for Bea", stored.GetProperty("subject").GetString());
        Assert.Equal("<b>Bea</b>", stored.GetProperty("body").GetProperty("html").GetString());
        Assert.Equal("Dear Bea", stored.GetProperty("body").GetProperty("text").GetString());
        Assert.Equal("List-Unsubscribe=One-Click", Headers(stored)["List-Unsubscribe-Post"]);
        var request = Assert.Single(_recorder.Requests, r => r.Body.Contains(recipient, StringComparison.Ordinal));
        Assert.Equal("/v2/email/outbound-emails", request.Uri.AbsolutePath);
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("outreach-tracking", json.RootElement.GetProperty("ConfigurationSetName").GetString());
        Assert.Equal(["campaign=summer-2026", "pipeline=outreach"], NameValues(json.RootElement.GetProperty("EmailTags")));
        var template = json.RootElement.GetProperty("Content").GetProperty("Template");
        Assert.Equal("Offer for {{firstName}}", template.GetProperty("TemplateContent").GetProperty("Subject").GetString());
    }

    [Fact]
    public async Task OutreachSend_SentMessages_TrackingShowsTheirSendRecords()
    {
        string[] recipients = [Recipient(), Recipient()];
        using var client = Host.Client();
        var from = Instant(DateTimeOffset.UtcNow.AddMinutes(-5));

        var results = await SendAsync(client, "/api/outreach/send", new
        {
            to = recipients,
            templateName = _template,
            templateData = new { firstName = "Ana" },
            campaignId = "spring-2026",
        });
        var to = Instant(DateTimeOffset.UtcNow.AddMinutes(5));
        var tracking = await client.GetFromJsonAsync<JsonElement>(
            $"/api/outreach/tracking-data-ses?from={from}&to={to}&eventType=SEND");

        var items = tracking.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, tracking.GetProperty("count").GetInt32());
        Assert.Equal(
            results.Select(r => (MessageId(r), r.GetProperty("recipient").GetString())).Order(),
            items.Select(i => (i.GetProperty("messageId").GetString()!, i.GetProperty("email").GetString())).Order());
        Assert.All(items, i =>
        {
            Assert.Equal("SEND", i.GetProperty("sesEventType").GetString());
            Assert.Equal("spring-2026", i.GetProperty("campaignId").GetString());
        });
    }

    [Fact]
    public async Task FinancialSendReport_InlineContent_SesRequestCarriesFinanceConfigurationSetAndReportTagWithoutUnsubscribe()
    {
        var recipient = Recipient();
        using var client = Host.Client();

        var results = await SendAsync(client, "/api/financial/send-report", new
        {
            to = recipient,
            templateContent = new { subject = "Report {{period}}", html = "<p>{{period}}</p>", text = "{{period}}" },
            templateData = new { period = "2026-11" },
            campaignId = "monthly-reports",
            reportId = "r-2026-11",
        });

        var stored = await StoredEmailAsync(MessageId(Assert.Single(results)));
        Assert.Equal("reports@example.com", stored.GetProperty("from").GetString());
        Assert.Equal("Report 2026-11", stored.GetProperty("subject").GetString());
        Assert.DoesNotContain("List-Unsubscribe", Headers(stored).Keys);
        var request = Assert.Single(_recorder.Requests, r => r.Body.Contains(recipient, StringComparison.Ordinal));
        using var json = JsonDocument.Parse(request.Body);
        Assert.Equal("finance-tracking", json.RootElement.GetProperty("ConfigurationSetName").GetString());
        Assert.Equal(
            ["campaign=monthly-reports", "pipeline=financial", "reportId=r-2026-11"],
            NameValues(json.RootElement.GetProperty("EmailTags")));
    }

    [Fact]
    public async Task OutreachSend_RecipientUsedTheOneClickLinkOfAnEarlierEmail_IsSuppressed()
    {
        var recipient = Recipient();
        using var client = Host.Client();
        var body = new { to = recipient, templateName = _template, templateData = new { firstName = "Ana" }, campaignId = "spring-2026" };
        var first = await SendAsync(client, "/api/outreach/send", body);
        var link = Headers(await StoredEmailAsync(MessageId(Assert.Single(first))))["List-Unsubscribe"].Trim('<', '>');
        var oneClick = new Uri(link).PathAndQuery;

        using var anonymous = Host.Client(withKey: false);
        using var unsubscribe = await anonymous.PostAsync(
            oneClick,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        var second = await SendAsync(client, "/api/outreach/send", body);

        Assert.Equal(HttpStatusCode.OK, unsubscribe.StatusCode);
        var result = Assert.Single(second);
        Assert.Equal("suppressed", result.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("messageId").ValueKind);
    }

    [Fact]
    public async Task MetricsRoute_SentThroughTheApiThenSesEventsDrained_CountsTheMessageOnce()
    {
        var recipient = Recipient();
        var campaign = EmulatorAws.UniqueName("autumn");
        using var client = Host.Client();

        // SES stamps mail.timestamp when it accepts the call: before the app records its SEND on the answer.
        var mailTimestamp = DateTimeOffset.UtcNow;
        var results = await SendAsync(client, "/api/outreach/send", new
        {
            to = recipient,
            templateName = _template,
            templateData = new { firstName = "Ana" },
            campaignId = campaign,
        });
        var messageId = MessageId(Assert.Single(results));
        using var sns = new SnsTestClient(emulators);
        await sns.PublishAsync(_environment!.Outreach.TopicArn, SesEvent("Send", messageId, recipient, campaign, mailTimestamp));
        await sns.PublishAsync(_environment.Outreach.TopicArn, SesEvent("Delivery", messageId, recipient, campaign, mailTimestamp));

        var drained = await Host.DrainAsync("outreach");
        var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/outreach/metrics?campaignId={campaign}");

        Assert.Equal(2, drained.Stored);
        Assert.Equal(1, metrics.GetProperty("sent").GetInt64());
        Assert.Equal(1, metrics.GetProperty("delivered").GetInt64());
        Assert.Equal(1.0, metrics.GetProperty("deliveryRate").GetDouble());
    }

    [Fact]
    public async Task MetricsRoute_SentThroughTheApiBeforeAnySesEvent_CountsTheMessagesSentWithNoRatesYet()
    {
        var campaign = EmulatorAws.UniqueName("winter");
        using var client = Host.Client();
        await SendAsync(client, "/api/outreach/send", new
        {
            to = new[] { Recipient(), Recipient() },
            templateName = _template,
            templateData = new { firstName = "Ana" },
            campaignId = campaign,
        });

        var metrics = await client.GetFromJsonAsync<JsonElement>($"/api/outreach/metrics?campaignId={campaign}");

        Assert.Equal(2, metrics.GetProperty("sent").GetInt64());
        Assert.Equal(0, metrics.GetProperty("delivered").GetInt64());
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("deliveryRate").ValueKind);
    }

    /// <summary>An SES event-publishing document of <paramref name="eventType"/> as SES publishes it for a sent message.</summary>
    private static string SesEvent(string eventType, string messageId, string recipient, string campaign, DateTimeOffset mailTimestamp)
    {
        var mail = new
        {
            timestamp = Timestamp(mailTimestamp),
            source = "outreach@example.com",
            messageId,
            destination = new[] { recipient },
            tags = new Dictionary<string, string[]>
            {
                ["campaign"] = [campaign],
                ["pipeline"] = ["outreach"],
                ["ses:configuration-set"] = ["outreach-tracking"],
            },
        };
        var delivery = new
        {
            timestamp = Timestamp(mailTimestamp.AddSeconds(2)),
            processingTimeMillis = 2000,
            recipients = new[] { recipient },
            smtpResponse = "250 2.6.0 Message received",
        };
        return eventType == "Send"
            ? JsonSerializer.Serialize(new { eventType, mail, send = new { } })
            : JsonSerializer.Serialize(new { eventType, mail, delivery });
    }

    private static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static async Task<List<JsonElement>> SendAsync(HttpClient client, string route, object body)
    {
        using var response = await client.PostAsJsonAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{route} answered {(int)response.StatusCode}: {text}");
        using var json = JsonDocument.Parse(text);
        return json.RootElement.GetProperty("results").EnumerateArray().Select(r => r.Clone()).ToList();
    }

    private static string MessageId(JsonElement result) =>
        result.GetProperty("messageId").GetString() ?? throw new InvalidOperationException($"No message id in {result}.");

    private static string Recipient() => $"{EmulatorAws.UniqueName("reader")}@example.com";

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static IEnumerable<string> NameValues(JsonElement array) =>
        array.EnumerateArray().Select(t => $"{t.GetProperty("Name").GetString()}={t.GetProperty("Value").GetString()}");

    /// <summary>The stored email's extra headers; the emulator leaves the property out when there are none.</summary>
    private static Dictionary<string, string> Headers(JsonElement stored) => (stored.TryGetProperty("headers", out var headers)
            ? headers.EnumerateArray().ToList()
            : [])
        .ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("value").GetString()!, StringComparer.OrdinalIgnoreCase);

    private async Task<JsonElement> StoredEmailAsync(string messageId)
    {
        using var http = new HttpClient { BaseAddress = emulators.SesUrl };
        var store = await http.GetFromJsonAsync<JsonElement>("/store");
        return store.GetProperty("emails").EnumerateArray().Single(e => e.GetProperty("messageId").GetString() == messageId);
    }
}
