using System.Buffers.Text;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Tests.Embedded;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// Suppression and RFC 8058 one-click unsubscribe on the embedded default: the headers in the sent message, the
/// link they carry, what a bad link does (nothing), what bounces and complaints suppress, and the operator routes.
/// </summary>
public sealed class SuppressionTests : IAsyncLifetime
{
    private const string PublicBaseUrl = "https://mail.example.test";
    private const string Campaign = "spring-2026";
    private const string Ana = "ana@example.net";

    private readonly TempFolder _data = new();
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private StandaloneTestHost? _host;

    public enum BadToken
    {
        Forged,
        Altered,
        Expired,
        Missing,
        Garbage,
    }

    private StandaloneTestHost Host => _host!;

    private string Outbox => Path.Combine(_data.Path, "outbox");

    public async Task InitializeAsync() => _host = await StandaloneTestHost.StartAsync(
        EndToEndSettings.For(
            _data.Path,
            ("SesAnalytics:PublicBaseUrl", PublicBaseUrl),
            ("SesAnalytics:Drain:ReceiveWait", "00:00:00")),
        services => services.AddSingleton<TimeProvider>(_clock));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Send_Outreach_EmlCarriesOneClickHeadersWhoseLinkUnsubscribesThroughTheApp()
    {
        using var client = Host.Client();
        using var mailClient = Host.Client(withKey: false);
        var messageId = SentId(await SendOutreachAsync(client, Ana));

        using var message = await MimeMessage.LoadAsync(Path.Combine(Outbox, messageId + ".eml"));
        var link = UnsubscribeLink(message);
        var response = await PostOneClickAsync(mailClient, link.PathAndQuery);
        var entries = await SuppressionsAsync(client, Ana);

        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.StartsWith(PublicBaseUrl + "/api/unsubscribe?token=", link.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(entries);
        Assert.Equal("outreach", entry.GetProperty("scope").GetString());
        Assert.Equal("Unsubscribed", entry.GetProperty("reason").GetString());
        Assert.Equal(Campaign, entry.GetProperty("campaignId").GetString());
    }

    [Fact]
    public async Task Send_FinancialReport_EmlHasNoUnsubscribeHeaders()
    {
        using var client = Host.Client();
        var messageId = SentId(await SendFinancialAsync(client, Ana));

        using var message = await MimeMessage.LoadAsync(Path.Combine(Outbox, messageId + ".eml"));

        Assert.Null(message.Headers["List-Unsubscribe"]);
        Assert.Null(message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task Unsubscribe_Get_ShowsAFormThatPostsToTheLinkAndChangesNothing()
    {
        using var client = Host.Client();
        using var browser = Host.Client(withKey: false);
        var link = await SendAndGetLinkAsync(client, Ana);
        browser.DefaultRequestHeaders.Accept.Clear();
        browser.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var page = await browser.GetAsync(link.PathAndQuery);
        var html = await page.Content.ReadAsStringAsync();
        var entries = await SuppressionsAsync(client, Ana);
        var again = await SendOutreachAsync(client, Ana);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Contains($"action=\"{link.PathAndQuery}\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("a***@example.net", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Ana, html, StringComparison.Ordinal);
        Assert.Empty(entries);
        Assert.Equal("sent", Result(again).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unsubscribe_PostTwice_KeepsOneSuppressionFromTheFirstPost()
    {
        using var client = Host.Client();
        using var mailClient = Host.Client(withKey: false);
        var link = await SendAndGetLinkAsync(client, Ana);
        var firstAt = _clock.GetUtcNow();

        var first = await PostOneClickAsync(mailClient, link.PathAndQuery);
        _clock.Advance(TimeSpan.FromHours(1));
        var second = await PostOneClickAsync(mailClient, link.PathAndQuery);
        var entries = await SuppressionsAsync(client, Ana);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var entry = Assert.Single(entries);
        Assert.Equal(ExpectedRecord.Format(firstAt), ExpectedRecord.Format(entry.GetProperty("since").GetDateTimeOffset()));
    }

    [Theory]
    [InlineData(BadToken.Forged, "POST")]
    [InlineData(BadToken.Forged, "GET")]
    [InlineData(BadToken.Altered, "POST")]
    [InlineData(BadToken.Altered, "GET")]
    [InlineData(BadToken.Expired, "POST")]
    [InlineData(BadToken.Expired, "GET")]
    [InlineData(BadToken.Missing, "POST")]
    [InlineData(BadToken.Garbage, "POST")]
    public async Task Unsubscribe_BadToken_Answers400AndChangesNothing(BadToken kind, string method)
    {
        using var client = Host.Client();
        using var mailClient = Host.Client(withKey: false);
        var link = await SendAndGetLinkAsync(client, Ana);
        var genuine = Token(link);
        var target = kind switch
        {
            BadToken.Forged => Query(new UnsubscribeTokenSigner(RandomNumberGenerator.GetBytes(32), _clock).Sign(
                new UnsubscribeToken("outreach", Ana, Campaign, _clock.GetUtcNow().AddDays(30)))),
            BadToken.Altered => Query(Altered(genuine, "bob@example.net")),
            BadToken.Expired => link.PathAndQuery,
            BadToken.Missing => "/api/unsubscribe",
            _ => Query("not-a-token"),
        };
        if (kind == BadToken.Expired)
        {
            _clock.Advance(TimeSpan.FromDays(366));
        }

        var response = method == "POST"
            ? await PostOneClickAsync(mailClient, target)
            : await mailClient.GetAsync(target);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var ana = await SuppressionsAsync(client, Ana);
        var bob = await SuppressionsAsync(client, "bob@example.net");
        var again = await SendOutreachAsync(client, Ana);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("token", out _), problem.ToString());
        Assert.Empty(ana);
        Assert.Empty(bob);
        Assert.Equal("sent", Result(again).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Unsubscribe_AlteredTokenFromABrowser_Answers400PageWithoutAForm()
    {
        using var client = Host.Client();
        using var browser = Host.Client(withKey: false);
        browser.DefaultRequestHeaders.Accept.Clear();
        browser.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        var link = await SendAndGetLinkAsync(client, Ana);

        var response = await browser.GetAsync(Query(Altered(Token(link), "bob@example.net")));
        var html = await response.Content.ReadAsStringAsync();
        var bob = await SuppressionsAsync(client, "bob@example.net");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("signature does not match", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", html, StringComparison.Ordinal);
        Assert.Empty(bob);
    }

    [Fact]
    public async Task Send_AfterUnsubscribe_SuppressesOutreachOnlyWithReasonAndSince()
    {
        using var client = Host.Client();
        using var mailClient = Host.Client(withKey: false);
        var link = await SendAndGetLinkAsync(client, Ana);
        var unsubscribedAt = _clock.GetUtcNow();
        await PostOneClickAsync(mailClient, link.PathAndQuery);
        _clock.Advance(TimeSpan.FromMinutes(10));
        var queues = Host.Services.GetRequiredService<IEventQueues>();
        var outboxBefore = OutboxFiles();
        var sendsBefore = await SendRecordsAsync(client, "outreach");
        var queueBefore = await queues.GetStatusAsync("outreach", CancellationToken.None);

        var outreach = Result(await SendOutreachAsync(client, Ana));
        var outboxAfterOutreach = OutboxFiles();
        var sendsAfter = await SendRecordsAsync(client, "outreach");
        var queueAfter = await queues.GetStatusAsync("outreach", CancellationToken.None);
        var financial = Result(await SendFinancialAsync(client, Ana));

        Assert.Equal("suppressed", outreach.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, outreach.GetProperty("messageId").ValueKind);
        Assert.Contains("Unsubscribed", outreach.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("pipeline outreach", outreach.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(ExpectedRecord.Format(unsubscribedAt), outreach.GetProperty("suppressedSince").GetString());
        Assert.Equal(outboxBefore, outboxAfterOutreach);
        Assert.Equal(sendsBefore, sendsAfter);
        Assert.Equal(queueBefore.Visible + queueBefore.InFlight, queueAfter.Visible + queueAfter.InFlight);
        Assert.Equal("sent", financial.GetProperty("status").GetString());
        Assert.Equal(outboxBefore.Count + 1, OutboxFiles().Count);
    }

    [Fact]
    public async Task Send_AfterHardBounceInTheSamples_IsSuppressedOnBothPipelines()
    {
        using var client = Host.Client();
        await Host.Services.GetRequiredService<IEventQueues>().SendAsync("financial", SampleCorpus.Bodies, CancellationToken.None);
        await Host.DrainAsync("financial");
        var outboxBefore = OutboxFiles();

        var outreach = Result(await SendOutreachAsync(client, "jane@example.com"));
        var financial = Result(await SendFinancialAsync(client, "Jane@Example.com"));
        var entries = await SuppressionsAsync(client, "jane@example.com");

        Assert.All([outreach, financial], r =>
        {
            Assert.Equal("suppressed", r.GetProperty("status").GetString());
            Assert.Equal("HardBounce (all pipelines) since 2016-01-27T14:59:38.237Z", r.GetProperty("reason").GetString());
            Assert.Equal("2016-01-27T14:59:38.237Z", r.GetProperty("suppressedSince").GetString());
        });
        Assert.Equal(outboxBefore, OutboxFiles());
        var entry = Assert.Single(entries);
        Assert.Equal(("*", "HardBounce"), (entry.GetProperty("scope").GetString(), entry.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task Drain_SimulatorBouncesAndComplaints_NeverSuppressTheSimulatorAddresses()
    {
        using var client = Host.Client();
        string[] simulator =
        [
            "bounce@simulator.amazonses.com", "complaint@simulator.amazonses.com", "suppressionlist@simulator.amazonses.com",
            "hi@simulator.amazonses.com",
        ];
        await Host.Services.GetRequiredService<IEventQueues>().SendAsync("financial", SampleCorpus.Bodies, CancellationToken.None);
        await Host.DrainAsync("financial");
        await SendOutreachAsync(client, simulator);
        var drained = await Host.DrainAsync("outreach");

        var lookups = new List<JsonElement[]>();
        foreach (var address in simulator)
        {
            lookups.Add(await SuppressionsAsync(client, address));
        }

        var again = await SendOutreachAsync(client, simulator);

        Assert.Equal(0, drained.Invalid);
        Assert.All(lookups, Assert.Empty);
        Assert.All(again.GetProperty("results").EnumerateArray(), r => Assert.Equal("sent", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task SuppressionRoutes_AddLookUpAndLift_ChangeWhatThePipelineMaySend()
    {
        using var client = Host.Client();
        using var anonymous = Host.Client(withKey: false);

        var added = await client.PostAsJsonAsync("/api/suppressions", new { email = "Max@Example.net", scope = "financial" });
        var addedAgain = await client.PostAsJsonAsync("/api/suppressions", new { email = "max@example.net", scope = "financial" });
        var lookup = await SuppressionsAsync(client, "max@example.net");
        var financialWhileSuppressed = Result(await SendFinancialAsync(client, "max@example.net"));
        var outreachWhileSuppressed = Result(await SendOutreachAsync(client, "max@example.net"));
        var lifted = await client.DeleteAsync("/api/suppressions?email=max@example.net&scope=financial");
        var liftedAgain = await client.DeleteAsync("/api/suppressions?email=max@example.net&scope=financial");
        var financialAfterLift = Result(await SendFinancialAsync(client, "max@example.net"));
        var noKey = await anonymous.GetAsync("/api/suppressions?email=max@example.net");
        var badEmail = await client.PostAsJsonAsync("/api/suppressions", new { email = "not an address", scope = "*" });
        var badScope = await client.PostAsJsonAsync("/api/suppressions", new { email = "max@example.net", scope = "nightly" });

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.True((await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, addedAgain.StatusCode);
        Assert.False((await addedAgain.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetBoolean());
        var entry = Assert.Single(lookup);
        Assert.Equal(("max@example.net", "financial", "Manual"), (
            entry.GetProperty("email").GetString(),
            entry.GetProperty("scope").GetString(),
            entry.GetProperty("reason").GetString()));
        Assert.Equal("suppressed", financialWhileSuppressed.GetProperty("status").GetString());
        var reason = financialWhileSuppressed.GetProperty("reason").GetString();
        Assert.StartsWith("Manual (pipeline financial) since ", reason, StringComparison.Ordinal);
        Assert.Equal("sent", outreachWhileSuppressed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, liftedAgain.StatusCode);
        Assert.Equal("sent", financialAfterLift.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
    }

    private static Task<HttpResponseMessage> PostOneClickAsync(HttpClient client, string pathAndQuery) =>
        client.PostAsync(
            pathAndQuery,
            new FormUrlEncodedContent([new KeyValuePair<string, string>("List-Unsubscribe", "One-Click")]));

    private static async Task<JsonElement> SendOutreachAsync(HttpClient client, params string[] to)
    {
        var response = await client.PostAsJsonAsync("/api/outreach/send", new
        {
            to,
            campaignId = Campaign,
            templateContent = new { subject = "Spring offer", html = "<p>Hello</p>", text = "Hello" },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> SendFinancialAsync(HttpClient client, string to)
    {
        var response = await client.PostAsJsonAsync("/api/financial/send-report", new
        {
            to,
            campaignId = "q1-report",
            reportId = "r-2026-q1",
            templateContent = new { subject = "Your report", text = "Attached." },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static JsonElement Result(JsonElement response) => Assert.Single(response.GetProperty("results").EnumerateArray());

    private static string SentId(JsonElement response)
    {
        var result = Result(response);
        Assert.Equal("sent", result.GetProperty("status").GetString());
        return result.GetProperty("messageId").GetString()!;
    }

    private async Task<Uri> SendAndGetLinkAsync(HttpClient client, string to)
    {
        var messageId = SentId(await SendOutreachAsync(client, to));
        using var message = await MimeMessage.LoadAsync(Path.Combine(Outbox, messageId + ".eml"));
        return UnsubscribeLink(message);
    }

    /// <summary>The https target of the message's List-Unsubscribe header (<c>&lt;url&gt;</c>, maybe then a mailto).</summary>
    private static Uri UnsubscribeLink(MimeMessage message)
    {
        var header = message.Headers["List-Unsubscribe"];
        Assert.NotNull(header);
        var targets = header.Split(',').Select(t => t.Trim().Trim('<', '>'));
        return new Uri(targets.Single(t => t.StartsWith("https:", StringComparison.Ordinal)));
    }

    private static string Token(Uri link) =>
        Uri.UnescapeDataString(link.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("token=", StringComparison.Ordinal))[6..]);

    private static string Query(string token) => "/api/unsubscribe?token=" + Uri.EscapeDataString(token);

    /// <summary>The token with another address in its payload and the original signature.</summary>
    private static string Altered(string token, string email)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(token.AsSpan(0, dot)))!.AsObject();
        payload["E"] = email;
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString())) + token[dot..];
    }

    private static async Task<JsonElement[]> SuppressionsAsync(HttpClient client, string email)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/suppressions?email={Uri.EscapeDataString(email)}");
        return body.GetProperty("suppressions").EnumerateArray().ToArray();
    }

    private static async Task<int> SendRecordsAsync(HttpClient client, string pipeline) =>
        (await AppApi.TrackingAsync(client, pipeline, "from=2000-01-01&to=2100-01-01&eventType=SEND")).Count;

    private List<string> OutboxFiles() =>
        Directory.Exists(Outbox) ? Directory.EnumerateFiles(Outbox).Order(StringComparer.Ordinal).ToList() : [];
}
