using SesAnalytics.Core.Events;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Tests.Robustness;

/// <summary>
/// A tracking store that fails a share of its writes, chosen by a seeded random sequence, while
/// <see cref="Faulty"/> is set. Half of the failures happen before the write reaches the real store, half after it
/// (the write landed but its answer was lost), which are the two ways a real store call fails. Reads pass through.
/// </summary>
public sealed class FaultInjectingTrackingStore(ITrackingStore inner, double failureShare, int seed) : ITrackingStore
{
    private readonly Random _random = new(seed);
    private readonly Lock _lock = new();
    private int _calls;
    private int _failuresBefore;
    private int _failuresAfter;

    public bool Faulty { get; set; } = true;

    public int Calls => _calls;

    public int FailuresBeforeWrite => _failuresBefore;

    public int FailuresAfterWrite => _failuresAfter;

    public async Task StoreAsync(string pipeline, IReadOnlyList<TrackingEvent> events, CancellationToken cancellationToken)
    {
        var (fail, afterWrite) = Decide();
        if (fail && !afterWrite)
        {
            Interlocked.Increment(ref _failuresBefore);
            throw new InjectedFaultException("The store is unavailable (injected before the write).");
        }

        await inner.StoreAsync(pipeline, events, cancellationToken);
        if (fail)
        {
            Interlocked.Increment(ref _failuresAfter);
            throw new InjectedFaultException("The store's answer was lost (injected after the write).");
        }
    }

    public Task<TrackingPage> QueryAsync(string pipeline, TrackingQuery query, CancellationToken cancellationToken) =>
        inner.QueryAsync(pipeline, query, cancellationToken);

    public Task<EngagementCounts> GetCountsAsync(
        string pipeline,
        TimeWindow window,
        string? campaignId,
        CancellationToken cancellationToken) =>
        inner.GetCountsAsync(pipeline, window, campaignId, cancellationToken);

    public Task<PipelineActivity> GetActivityAsync(string pipeline, CancellationToken cancellationToken) =>
        inner.GetActivityAsync(pipeline, cancellationToken);

    public Task<DailyReconciliation> ReconcileAsync(string pipeline, DateOnly day, CancellationToken cancellationToken) =>
        inner.ReconcileAsync(pipeline, day, cancellationToken);

    private (bool Fail, bool AfterWrite) Decide()
    {
        Interlocked.Increment(ref _calls);
        lock (_lock)
        {
            var fail = Faulty && _random.NextDouble() < failureShare;
            return (fail, _random.Next(2) == 1);
        }
    }
}
