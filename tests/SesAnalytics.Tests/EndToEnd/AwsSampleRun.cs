using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Tests.Aws;
using SesAnalytics.Tests.Emulators;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// The shared samples published once to both pipelines' SNS topics and drained by the standalone host in AWS mode,
/// for every test of a class. Outreach's queue is subscribed enveloped and gets the bare SES documents, as SES
/// publishes them; financial's queue is subscribed raw and gets every file as it is (envelopes, SNS control
/// messages, captured Lambda payloads, odd inputs), so its bodies are exactly the captured ones.
/// </summary>
public sealed class AwsSampleRun : IAsyncLifetime
{
    private static readonly TimeSpan ArrivalTimeout = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim _lock = new(1, 1);
    private StandaloneTestHost? _host;
    private Dictionary<string, IReadOnlyList<AwsSample>> _published = [];
    private readonly Dictionary<string, DrainReport> _reports = [];

    internal StandaloneTestHost Host => _host ?? throw new InvalidOperationException("EnsureAsync has not run.");

    /// <summary>The samples each pipeline's topic received.</summary>
    internal IReadOnlyList<AwsSample> Published(string pipeline) => _published[pipeline];

    /// <summary>What the drain of each pipeline reported.</summary>
    internal DrainReport Report(string pipeline) => _reports[pipeline];

    /// <summary>Creates the pipelines, starts the host, publishes and drains, the first time only.</summary>
    public async Task EnsureAsync(AwsEmulators emulators)
    {
        await _lock.WaitAsync();
        try
        {
            if (_host is null)
            {
                await RunAsync(emulators);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _lock.Dispose();
    }

    private async Task RunAsync(AwsEmulators emulators)
    {
        var environment = await AwsAppEnvironment.CreateAsync(emulators);
        var host = await environment.StartHostAsync(new Dictionary<string, string?>
        {
            // The samples go back to 2014; records older than the retention would be neither kept nor counted.
            ["SesAnalytics:Retention"] = "7300.00:00:00",
        });
        _host = host;
        var samples = AwsSampleExpectations.LoadAll();
        _published = new Dictionary<string, IReadOnlyList<AwsSample>>(StringComparer.Ordinal)
        {
            [PipelineDefaults.Outreach] = samples.Where(s => s.IsSesDocument).ToList(),
            [PipelineDefaults.Financial] = samples,
        };

        using var sns = new SnsTestClient(emulators);
        foreach (var (pipeline, topicArn) in new[]
                 {
                     (PipelineDefaults.Outreach, environment.Outreach.TopicArn),
                     (PipelineDefaults.Financial, environment.Financial.TopicArn),
                 })
        {
            foreach (var sample in _published[pipeline])
            {
                await sns.PublishAsync(topicArn, sample.Body);
            }
        }

        foreach (var pipeline in _published.Keys)
        {
            await WaitUntilQueuedAsync(host, pipeline, _published[pipeline].Count);
            _reports[pipeline] = await host.DrainAsync(pipeline);
        }
    }

    private static async Task WaitUntilQueuedAsync(StandaloneTestHost host, string pipeline, int count)
    {
        var queues = host.Services.GetRequiredService<IEventQueues>();
        var clock = Stopwatch.StartNew();
        QueueStatus status;
        while ((status = await queues.GetStatusAsync(pipeline, CancellationToken.None)).Visible < count)
        {
            if (clock.Elapsed > ArrivalTimeout)
            {
                throw new TimeoutException($"Only {status.Visible} of {count} published samples reached the {pipeline} queue.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }
}
