using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Hosting;

namespace SesAnalytics.Tests.Robustness;

/// <summary>
/// The app's services as the composition root builds them over a <see cref="ProviderSet"/>, with every log record
/// collected, and drains that can run over wrapped queues or a wrapped store.
/// </summary>
public sealed class DrainHarness : IAsyncDisposable
{
    /// <summary>
    /// The harness clock's date. The samples span 2014 to 2025 and retention is at most 3650 days, so the clock is
    /// set where every sample is still retained: the oldest expires on 2024-01-12, later ones lie ahead.
    /// </summary>
    public static readonly DateTimeOffset ClockStart = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly TimeWindow Everything = new(
        new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
        new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private readonly ProviderSet _providers;

    private DrainHarness(ProviderSet providers, ServiceProvider services)
    {
        _providers = providers;
        Services = services;
    }

    public ServiceProvider Services { get; }

    public IEventQueues Queues => Services.GetRequiredService<IEventQueues>();

    public ITrackingStore Store => Services.GetRequiredService<ITrackingStore>();

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    public static DrainHarness Create(ProviderSet providers, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(providers);
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["SesAnalytics:Retention"] = "3650.00:00:00",
            ["SesAnalytics:Drain:ReceiveWait"] = "00:00:00",
            ["SesAnalytics:Drain:ConcurrentReceivers"] = "2",
            ["SesAnalytics:Drain:VisibilityExtension"] = "00:00:05",
        };
        foreach (var (key, value) in providers.Settings.Concat(settings ?? new Dictionary<string, string?>()))
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddSingleton<TimeProvider>(new ShiftedClock(ClockStart));
        services.AddSesAnalyticsApp(configuration);
        providers.ConfigureServices(services);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new DrainHarness(providers, provider);
    }

    /// <summary>A drain service over these providers, or over the given wrappers of them.</summary>
    public DrainService Drain(IEventQueues? queues = null, ITrackingStore? store = null) =>
        ActivatorUtilities.CreateInstance<DrainService>(
            Services,
            new object[] { queues ?? Queues, store ?? Store });

    public Task<DrainReport> DrainAsync(string pipeline) => Drain().DrainAsync(pipeline, CancellationToken.None);

    /// <summary>Waits until messages received and not deleted are handed out again.</summary>
    public Task WaitForRedeliveryAsync() => Task.Delay(_providers.VisibilityTimeout + TimeSpan.FromSeconds(1));

    /// <summary>Every record of the pipeline, all pages.</summary>
    public async Task<IReadOnlyList<TrackingEvent>> QueryAllAsync(string pipeline)
    {
        var events = new List<TrackingEvent>();
        string? next = null;
        do
        {
            var page = await Store.QueryAsync(
                pipeline,
                new TrackingQuery { Window = Everything, Limit = TrackingQuery.MaxLimit, NextToken = next },
                CancellationToken.None);
            events.AddRange(page.Items);
            next = page.NextToken;
        }
        while (next is not null);

        return events;
    }

    public Task<EngagementCounts> CountsAsync(string pipeline) =>
        Store.GetCountsAsync(pipeline, TimeWindow.All, null, CancellationToken.None);

    /// <summary>What the store holds for a pipeline: identity keys (sorted, repeats kept), full contents and counts.</summary>
    public async Task<TrackingSnapshot> SnapshotAsync(string pipeline)
    {
        var events = await QueryAllAsync(pipeline);
        return new TrackingSnapshot(
            events.Select(e => e.Key).Order(StringComparer.Ordinal).ToList(),
            Reading.EventComparison.Keys(events),
            await CountsAsync(pipeline));
    }

    /// <summary>Messages still on the pipeline's main queue, waiting or received.</summary>
    public async Task<long> PendingAsync(string pipeline)
    {
        var status = await Queues.GetStatusAsync(pipeline, CancellationToken.None);
        return status.Visible + status.InFlight;
    }

    /// <summary>Drains, waiting for redelivery between runs, until the main queue is empty (or the attempts run out).</summary>
    public async Task DrainUntilEmptyAsync(string pipeline, int attempts = 5)
    {
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            await DrainAsync(pipeline);
            if (await PendingAsync(pipeline) == 0)
            {
                return;
            }

            await WaitForRedeliveryAsync();
        }

        var pending = await PendingAsync(pipeline);
        throw new InvalidOperationException(string.Create(
            CultureInfo.InvariantCulture,
            $"The queue of {pipeline} still holds {pending} message(s) after {attempts} drains."));
    }

    public async ValueTask DisposeAsync() => await Services.DisposeAsync();
}
