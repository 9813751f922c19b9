using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SesAnalytics.Tests.Embedded;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>The README's first steps on the embedded providers: send to the mailbox simulator, drain, query.</summary>
public sealed class EmbeddedWalkthroughTests : IAsyncLifetime
{
    private readonly TempFolder _data = new();
    private StandaloneTestHost? _host;

    private StandaloneTestHost Host => _host!;

    public async Task InitializeAsync() =>
        _host = await StandaloneTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["SesAnalytics:Embedded:DataPath"] = _data.Path,
        });

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task SendThenDrain_SimulatorAddresses_TrackingAndMetricsShowEachOutcome()
    {
        using var client = Host.Client();
        var send = await client.PostAsJsonAsync("/api/outreach/send", new
        {
            to = new[] { "success@simulator.amazonses.com", "bounce@simulator.amazonses.com", "complaint@simulator.amazonses.com" },
            campaignId = "spring-2026",
            templateContent = new { subject = "Hello {{name}}", html = "<p>Hi {{name}}</p>", text = "Hi {{name}}" },
            templateData = new { name = "Ana" },
        });
        var sent = await send.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Accepted, send.StatusCode);
        Assert.All(sent.GetProperty("results").EnumerateArray(), r => Assert.Equal("sent", r.GetProperty("status").GetString()));

        var drained = await Host.DrainAsync("outreach");
        var now = DateTimeOffset.UtcNow;
        var month = now.ToString("MMMM", System.Globalization.CultureInfo.InvariantCulture);
        var tracking = await client.GetFromJsonAsync<JsonElement>($"/api/outreach/tracking-data-ses?month={month}&year={now.Year}");
        var metrics = await client.GetFromJsonAsync<JsonElement>("/api/outreach/metrics?campaignId=spring-2026");

        Assert.Equal(0, drained.Invalid);
        var types = tracking.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("sesEventType").GetString()).ToList();
        Assert.Equal(3, types.Count(t => t == "SEND"));
        Assert.Equal(2, types.Count(t => t == "DELIVERY"));
        Assert.Equal(1, types.Count(t => t == "BOUNCE"));
        Assert.Equal(1, types.Count(t => t == "COMPLAINT"));
        Assert.Equal(3, metrics.GetProperty("sent").GetInt64());
        Assert.Equal(2, metrics.GetProperty("delivered").GetInt64());
        Assert.Equal(1, metrics.GetProperty("bounced").GetInt64());
        Assert.Equal(1, metrics.GetProperty("complained").GetInt64());
        Assert.Equal(2.0 / 3, metrics.GetProperty("deliveryRate").GetDouble(), 6);
        Assert.Equal(0.5, metrics.GetProperty("complaintRate").GetDouble(), 6);
        Assert.Equal(0.0, metrics.GetProperty("openRate").GetDouble());
    }

    [Fact]
    public async Task Metrics_NothingSent_RatesAreNullNotZero()
    {
        using var client = Host.Client();

        var metrics = await client.GetFromJsonAsync<JsonElement>("/api/financial/metrics");

        Assert.Equal(0, metrics.GetProperty("sent").GetInt64());
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("deliveryRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, metrics.GetProperty("openRate").ValueKind);
    }

    [Fact]
    public async Task TrackingRoute_NoFunctionKey_Answers401()
    {
        using var client = Host.Client(withKey: false);

        var response = await client.GetAsync("/api/outreach/tracking-data-ses?month=january&year=2026");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SendRoute_WrongMethod_Answers405WithAllow()
    {
        using var client = Host.Client();

        var response = await client.GetAsync("/api/outreach/send");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("POST", response.Content.Headers.Allow.Single());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [InlineData("/api/nothing/here")]
    [InlineData("/api/x/leak.me@example.com")]
    [InlineData("/favicon.ico")]
    public async Task UnknownRoute_Answers404ProblemWithoutEchoingThePath(string path)
    {
        using var client = Host.Client();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain("example.com", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_NoKey_AnswersWithEveryPipeline()
    {
        using var client = Host.Client(withKey: false);

        var response = await client.GetAsync("/api/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, body.GetProperty("pipelines").GetArrayLength());
    }
}
