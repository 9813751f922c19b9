using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Providers;
using SesAnalytics.Tests.Embedded;
using SesAnalytics.Tests.EndToEnd;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.Operations;

/// <summary>
/// A pipeline whose store refuses every message: health turns 503 with the reason and the messages end on the
/// dead-letter queue, none lost. After the fix, replaying the dead letters and draining gives exactly what a run
/// that never failed gives (the control run).
/// </summary>
public sealed class DeadLetterRecoveryTests : IAsyncLifetime
{
    private const string Pipeline = "financial";
    private const int MaxReceiveCount = 2;
    private static readonly TimeSpan VisibilityTimeout = TimeSpan.FromSeconds(5);

    private readonly TempFolder _failing = new();
    private readonly TempFolder _control = new();
    private readonly List<Exception> _failedDrains = [];
    private FakeTimeProvider? _clock;
    private DrainReport? _lastFailingDrain;
    private HealthAnswer? _brokenHealth;
    private QueueStatus? _brokenQueue;
    private IReadOnlyList<DeadLetter> _deadLetters = [];
    private int _refused;

    private static IReadOnlyList<SampleFile> Files => SampleCorpus.Files;

    private static int Readable => Files.Count(f => f.Status == "ok");

    private static int Unreadable => Files.Count(f => f.Status == "invalid");

    public async Task InitializeAsync()
    {
        _clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        var broken = await StandaloneTestHost.StartAsync(Settings(_failing.Path), services =>
        {
            services.AddSingleton<TimeProvider>(_clock);
            FailingTrackingStore.Replace(services);
        });
        await broken.Services.GetRequiredService<IEventQueues>().SendAsync(Pipeline, SampleCorpus.Bodies, CancellationToken.None);
        for (var attempt = 0; attempt <= MaxReceiveCount; attempt++)
        {
            try
            {
                _lastFailingDrain = await broken.DrainAsync(Pipeline);
            }
            catch (DrainFailedException e)
            {
                _failedDrains.Add(e);
            }

            _clock.Advance(VisibilityTimeout);
        }

        using (var anonymous = broken.Client(withKey: false))
        {
            _brokenHealth = await HealthAnswer.GetAsync(anonymous);
        }

        var queues = broken.Services.GetRequiredService<IEventQueues>();
        _brokenQueue = await queues.GetStatusAsync(Pipeline, CancellationToken.None);
        _deadLetters = await queues.ListDeadLettersAsync(Pipeline, 100, includeBodies: true, CancellationToken.None);
        _refused = broken.Services.GetRequiredService<FailingTrackingStore>().Refused;
        await broken.DisposeAsync();
    }

    public Task DisposeAsync()
    {
        _failing.Dispose();
        _control.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void Drain_StoreRefusesEverything_FailsVisiblyThenDeadLettersEveryUnstoredMessage()
    {
        var reports = _failedDrains.OfType<DrainFailedException>().Select(e => e.Report!).ToList();

        Assert.Equal(MaxReceiveCount, reports.Count);
        Assert.All(reports, r => Assert.Equal((Readable, 0, Unreadable), (r.StoreFailures, r.Stored, r.Invalid)));
        Assert.Equal(0, _lastFailingDrain!.Received);
        Assert.True(_refused >= Readable * MaxReceiveCount, $"the store was called {_refused} times");
        Assert.Equal(new QueueStatus(0, 0, null, Readable + Unreadable), _brokenQueue);
        Assert.Equal(
            Files.Where(f => f.Status is "ok" or "invalid").Select(f => f.Body).Order(StringComparer.Ordinal),
            _deadLetters.Select(d => d.Body).Order(StringComparer.Ordinal));
        Assert.Equal(Readable, _deadLetters.Count(d => d.Reason!.Contains(FailingTrackingStore.Failure, StringComparison.Ordinal)));
        Assert.All(_deadLetters, d => Assert.Equal(MaxReceiveCount, d.ReceiveCount));
    }

    [Fact]
    public void Health_StoreRefusesEverything_Answers503WithTheDeadLetterReason()
    {
        var financial = _brokenHealth!.Pipeline(Pipeline);
        var outreach = _brokenHealth.Pipeline("outreach");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, _brokenHealth.Status);
        Assert.Equal("unhealthy", _brokenHealth.Body.GetProperty("status").GetString());
        Assert.False(financial.GetProperty("healthy").GetBoolean());
        Assert.Equal(
            [$"{Readable + Unreadable} message(s) on the dead-letter queue"],
            financial.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(Readable + Unreadable, financial.GetProperty("queue").GetProperty("deadLetters").GetInt64());
        Assert.True(outreach.GetProperty("healthy").GetBoolean());
        Assert.DoesNotContain("@", _brokenHealth.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redrive_AfterTheFix_BringsTrackingMetricsAndSuppressionsToTheControlRun()
    {
        var control = await RunAsync(_control.Path, redrive: false);

        var recovered = await RunAsync(_failing.Path, redrive: true);

        Assert.Equal(Readable + Unreadable, recovered.Redriven);
        Assert.Equal(control.Drain.Stored, recovered.Drain.Stored);
        Assert.Equal(control.Records, recovered.Records);
        Assert.Equal(SampleCorpus.RecordsAfterReplay(Files).OrderBy(r => r.Key, StringComparer.Ordinal), recovered.Records);
        Assert.Equal(control.Metrics, recovered.Metrics);
        Assert.Equal(ContractRules.Metrics(SampleCorpus.RecordsAfterReplay(Files)), recovered.Metrics);
        Assert.Equal(control.Reconciliations, recovered.Reconciliations);
        Assert.Equal(control.Suppressions, recovered.Suppressions);
        Assert.Equal(HttpStatusCode.OK, recovered.Health.Status);
        Assert.Equal(0, recovered.Queue.DeadLetters);
    }

    private static Dictionary<string, string?> Settings(string dataPath) => EndToEndSettings.For(
        dataPath,
        ("SesAnalytics:Embedded:MaxReceiveCount", MaxReceiveCount.ToString(CultureInfo.InvariantCulture)),
        ("SesAnalytics:Embedded:VisibilityTimeout", VisibilityTimeout.ToString()),
        ("SesAnalytics:Drain:ReceiveWait", "00:00:00"),
        ("SesAnalytics:Drain:ConcurrentReceivers", "1"));

    /// <summary>
    /// A healthy app over <paramref name="dataPath"/>: either the control run (the samples replayed and drained) or
    /// the fixed run (the dead letters of the broken run replayed and drained).
    /// </summary>
    private static async Task<RunResult> RunAsync(string dataPath, bool redrive)
    {
        await using var host = await StandaloneTestHost.StartAsync(Settings(dataPath));
        var queues = host.Services.GetRequiredService<IEventQueues>();
        var redriven = 0;
        if (redrive)
        {
            redriven = await queues.RedriveDeadLettersAsync(Pipeline, CancellationToken.None);
        }
        else
        {
            await queues.SendAsync(Pipeline, SampleCorpus.Bodies, CancellationToken.None);
        }

        var drain = await host.DrainAsync(Pipeline);
        using var client = host.Client();
        var records = await AppApi.AllTrackingAsync(client, Pipeline);
        var reconciliations = new List<(long, long, long, long, long)>();
        foreach (var day in ContractRules.SendDays(SampleCorpus.RecordsAfterReplay(Files)))
        {
            reconciliations.Add(await AppApi.ReconciliationAsync(client, Pipeline, day));
        }

        var suppressions = new List<string>();
        foreach (var email in new[] { "jane@example.com", "richard@example.com", "recipient@example.com", "recipient1@example.com" })
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/suppressions?email={email}");
            suppressions.AddRange(body.GetProperty("suppressions").EnumerateArray().Select(e =>
                $"{e.GetProperty("email").GetString()} {e.GetProperty("scope").GetString()} {e.GetProperty("reason").GetString()} " +
                $"{e.GetProperty("since").GetDateTimeOffset():O}"));
        }

        using var anonymous = host.Client(withKey: false);
        return new RunResult(
            redriven,
            drain,
            records.OrderBy(r => r.Key, StringComparer.Ordinal).ToList(),
            await AppApi.MetricsAsync(client, Pipeline),
            reconciliations,
            suppressions,
            await HealthAnswer.GetAsync(anonymous),
            await queues.GetStatusAsync(Pipeline, CancellationToken.None));
    }

    private sealed record RunResult(
        int Redriven,
        DrainReport Drain,
        IReadOnlyList<ExpectedRecord> Records,
        ExpectedMetrics Metrics,
        IReadOnlyList<(long, long, long, long, long)> Reconciliations,
        IReadOnlyList<string> Suppressions,
        HealthAnswer Health,
        QueueStatus Queue);
}
