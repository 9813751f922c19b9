using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using SesAnalytics.Core.Health;
using SesAnalytics.Tests.Embedded;
using SesAnalytics.Tests.EndToEnd;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.Operations;

/// <summary>
/// The quiet-pipeline check on the app's clock: sends whose outcomes never arrive (here: the drain does not run) make
/// the pipeline quiet once <c>SesAnalytics:Health:QuietAfter</c> has passed, with a warning in the log; the outcomes
/// arriving make it healthy again. Health answers never name an address.
/// </summary>
public sealed class QuietPipelineTests : IAsyncLifetime
{
    private const string Pipeline = "outreach";
    private static readonly TimeSpan QuietAfter = TimeSpan.FromMinutes(30);

    private readonly TempFolder _data = new();
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private StandaloneTestHost? _host;

    private StandaloneTestHost Host => _host!;

    public async Task InitializeAsync() => _host = await StandaloneTestHost.StartAsync(
        EndToEndSettings.For(
            _data.Path,
            ("SesAnalytics:Health:QuietAfter", QuietAfter.ToString()),
            ("SesAnalytics:Health:MaxOldestMessageAge", "06:00:00"),
            ("SesAnalytics:Drain:ReceiveWait", "00:00:00")),
        services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            services.AddLogging(logging => logging.AddFakeLogging());
        });

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task CheckAsync_SendsWithoutOutcomesLongerThanQuietAfter_IsQuietWithAWarning()
    {
        using var client = Host.Client();
        using var anonymous = Host.Client(withKey: false);
        var health = Host.Services.GetRequiredService<HealthService>();
        await SendAsync(client, "quinn@example.net", "success@simulator.amazonses.com");

        _clock.Advance(QuietAfter - TimeSpan.FromMinutes(1));
        var beforeQuietAfter = await health.CheckAsync(Pipeline, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(2));
        var afterQuietAfter = await health.CheckAsync(Pipeline, CancellationToken.None);
        var answer = await HealthAnswer.GetAsync(anonymous);
        var warnings = Logs().Where(r => r.Level == LogLevel.Warning && r.Id.Name == "PipelineQuiet").ToList();

        Assert.True(beforeQuietAfter.Healthy, string.Join("; ", beforeQuietAfter.Problems));
        Assert.False(beforeQuietAfter.Quiet);
        Assert.True(afterQuietAfter.Quiet);
        Assert.False(afterQuietAfter.Healthy);
        Assert.Equal(["quiet: sends but no outcome event for 30 minutes"], afterQuietAfter.Problems);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.Status);
        Assert.True(answer.Pipeline(Pipeline).GetProperty("quiet").GetBoolean());
        Assert.True(answer.Pipeline("financial").GetProperty("healthy").GetBoolean());
        Assert.NotEmpty(warnings);
        Assert.All(warnings, w => Assert.Contains(Pipeline, w.Message, StringComparison.Ordinal));
        Assert.DoesNotContain("@", answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(Logs(), r => r.Message.Contains("quinn@example.net", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CheckAsync_OutcomesArriveAfterAQuietSpell_IsHealthyAgain()
    {
        using var client = Host.Client();
        using var anonymous = Host.Client(withKey: false);
        var health = Host.Services.GetRequiredService<HealthService>();
        await SendAsync(client, "quinn@example.net");
        _clock.Advance(QuietAfter + TimeSpan.FromMinutes(1));
        var quiet = await health.CheckAsync(Pipeline, CancellationToken.None);

        await Host.DrainAsync(Pipeline);
        var afterDrain = await HealthAnswer.GetAsync(anonymous);
        _clock.Advance(QuietAfter * 2);
        var muchLater = await health.CheckAsync(Pipeline, CancellationToken.None);

        Assert.True(quiet.Quiet);
        Assert.Equal(HttpStatusCode.OK, afterDrain.Status);
        Assert.False(afterDrain.Pipeline(Pipeline).GetProperty("quiet").GetBoolean());
        Assert.True(muchLater.Healthy, string.Join("; ", muchLater.Problems));
        Assert.DoesNotContain("@", afterDrain.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_NothingSent_IsNeverQuiet()
    {
        var health = Host.Services.GetRequiredService<HealthService>();

        _clock.Advance(QuietAfter * 10);
        var all = await health.CheckAllAsync(CancellationToken.None);

        Assert.All(all, p => Assert.True(p.Healthy && !p.Quiet, string.Join("; ", p.Problems)));
    }

    private static async Task SendAsync(HttpClient client, params string[] to)
    {
        var response = await client.PostAsJsonAsync("/api/outreach/send", new
        {
            to,
            campaignId = "quiet-check",
            templateContent = new { subject = "Hello", text = "Hello" },
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private IReadOnlyList<FakeLogRecord> Logs() => Host.Services.GetRequiredService<FakeLogCollector>().GetSnapshot();
}
