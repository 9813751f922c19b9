using SesAnalytics.Core.Providers;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Cli;

public sealed class ReplayCommandTests : IDisposable
{
    private readonly EmbeddedCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task ReplayThenDrain_EverySharedSample_StoresTheirEvents()
    {
        var samples = Samples.Load();

        var replay = await _cli.RunAsync(["replay", "--pipeline", "outreach", .. samples.Files]);
        var drain = await _cli.RunAsync("drain", "--pipeline", "outreach", "--json");

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.StartsWith($"Queued {samples.Files.Count} message(s) on pipeline 'outreach'", replay.Output);
        Assert.True(drain.ExitCode == 0, drain.ToString());
        var report = drain.Json();
        Assert.Equal(samples.Files.Count, report["received"]!.GetValue<int>());
        Assert.Equal(samples.Ok, report["stored"]!.GetValue<int>());
        Assert.Equal(samples.Ignored, report["ignored"]!.GetValue<int>());
        Assert.Equal(samples.Invalid, report["invalid"]!.GetValue<int>());
        Assert.Equal(0, report["storeFailures"]!.GetValue<int>());
        var stored = await TrackingRecords.AllAsync(_cli.Harness.Store, "outreach");
        samples.AssertStored(stored);
    }

    [Fact]
    public async Task Replay_InvalidSample_QueuesItWithAWarning()
    {
        var file = Path.Combine(RepositoryPaths.Samples, "odd", "govuk-identity-complaint-badMessageId.json");

        var replay = await _cli.RunAsync("replay", "--pipeline", "outreach", file);

        Assert.Equal(0, replay.ExitCode);
        Assert.Contains($"warning: {file}: the reader finds it invalid", replay.Error);
        var queued = await _cli.Harness.Queues.ReceiveAsync("outreach", 10, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(File.ReadAllText(file), Assert.Single(queued).Body);
    }

    [Fact]
    public async Task Replay_LambdaPayload_QueuesTheFileAsItIs()
    {
        var file = Path.Combine(RepositoryPaths.Samples, "sqs", "derived-sqs-record-wrapping-sns-envelope-click.json");

        var replay = await _cli.RunAsync("replay", "--pipeline", "financial", file, "--json");

        Assert.Equal(0, replay.ExitCode);
        Assert.Equal(1, replay.Json()["queued"]!.GetValue<int>());
        Assert.Equal("financial", replay.Json()["pipeline"]!.GetValue<string>());
        var queued = await _cli.Harness.Queues.ReceiveAsync("financial", 10, TimeSpan.Zero, CancellationToken.None);
        Assert.Equal(File.ReadAllText(file), Assert.Single(queued).Body);
    }

    [Fact]
    public async Task Replay_OneFileMissing_QueuesNothingAndExitsOne()
    {
        var present = Path.Combine(RepositoryPaths.Samples, "event-publishing", "awsdocs-send.json");
        var missing = Path.Combine(_cli.Folder, "absent.json");

        var replay = await _cli.RunAsync("replay", "--pipeline", "outreach", present, missing);

        Assert.Equal(1, replay.ExitCode);
        Assert.Contains($"error: {missing}: no such file", replay.Error);
        Assert.Contains("Nothing was queued.", replay.Error);
        var status = await _cli.Harness.Queues.GetStatusAsync("outreach", CancellationToken.None);
        Assert.Equal(new QueueStatus(0, 0, null, 0), status);
    }

    [Fact]
    public async Task Replay_FileOverTheQueueLimit_QueuesNothingAndExitsOne()
    {
        var large = _cli.WriteFile("large.json", $$"""{"padding":"{{new string('x', 300 * 1024)}}"}""");

        var replay = await _cli.RunAsync("replay", "--pipeline", "outreach", large);

        Assert.Equal(1, replay.ExitCode);
        Assert.Contains("larger than the queue's 256 KiB message limit", replay.Error);
    }

    [Fact]
    public async Task Replay_UnknownPipeline_ExitsTwoNamingIt()
    {
        var file = Path.Combine(RepositoryPaths.Samples, "event-publishing", "awsdocs-send.json");

        var replay = await _cli.RunAsync("replay", "--pipeline", "marketing", file);

        Assert.Equal(2, replay.ExitCode);
        Assert.Contains("--pipeline: unknown pipeline 'marketing'", replay.Error);
        Assert.Contains("financial, outreach", replay.Error);
    }
}
