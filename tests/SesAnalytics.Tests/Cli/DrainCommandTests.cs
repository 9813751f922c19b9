using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Cli;

public sealed class DrainCommandTests : IDisposable
{
    private readonly EmbeddedCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Drain_QueuedSamples_PrintsWhatItStoredIgnoredAndLeft()
    {
        string[] files =
        [
            Path.Combine(RepositoryPaths.Samples, "event-publishing", "awsdocs-delivery.json"),
            Path.Combine(RepositoryPaths.Samples, "identity-notifications", "awsdocs-notif-bounce-no-dsn-two-recipients.json"),
            Path.Combine(RepositoryPaths.Samples, "sns-control", "spatie-subscription-confirmation.json"),
            Path.Combine(RepositoryPaths.Samples, "odd", "localstack-emulator-delivery-no-messageId.json"),
        ];
        await _cli.RunAsync(["replay", "--pipeline", "outreach", .. files]);

        var drain = await _cli.RunAsync("drain", "--pipeline", "outreach");

        Assert.True(drain.ExitCode == 0, drain.ToString());
        Assert.Contains(
            "4 received, 2 stored (3 events), 1 ignored, 1 invalid, 0 refused by the store",
            drain.Output);
        Assert.Contains("sesanalytics dead-letters list --pipeline outreach", drain.Output);
        Assert.Equal(3, (await TrackingRecords.AllAsync(_cli.Harness.Store, "outreach")).Count);
    }

    [Fact]
    public async Task Drain_EmptyQueue_ReportsNothingReceived()
    {
        var drain = await _cli.RunAsync("drain", "--pipeline", "financial", "--json");

        Assert.Equal(0, drain.ExitCode);
        Assert.Equal("financial", drain.Json()["pipeline"]!.GetValue<string>());
        Assert.Equal(0, drain.Json()["received"]!.GetValue<int>());
    }

    [Fact]
    public async Task Drain_PipelineAddedInSettings_DrainsIt()
    {
        using var cli = new EmbeddedCli(new Dictionary<string, string?>
        {
            ["SesAnalytics:Pipelines:alerts:ConfigurationSet"] = "alerts-tracking",
            ["SesAnalytics:Pipelines:alerts:Topic"] = "alerts-events",
            ["SesAnalytics:Pipelines:alerts:Table"] = "alerts-tracking",
            ["SesAnalytics:Pipelines:alerts:FromAddress"] = "alerts@example.com",
        });
        await cli.RunAsync("replay", "-p", "alerts", Path.Combine(RepositoryPaths.Samples, "event-publishing", "awsdocs-send.json"));

        var drain = await cli.RunAsync("drain", "-p", "alerts", "--json");

        Assert.True(drain.ExitCode == 0, drain.ToString());
        Assert.Equal(1, drain.Json()["stored"]!.GetValue<int>());
    }
}
