using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Tests.Operations;

/// <summary>
/// A tracking store that refuses every write, as a broken table or a bad deployment would; reads still answer. The
/// number of refused calls shows the drain really tried.
/// </summary>
internal sealed class FailingTrackingStore(ITrackingStore inner) : ITrackingStore
{
    public const string Failure = "the tracking table is not writable";

    private int _refused;

    public int Refused => Volatile.Read(ref _refused);

    /// <summary>Wraps the registered tracking store of <paramref name="services"/> in a failing one.</summary>
    public static void Replace(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(ITrackingStore));
        var type = original.ImplementationType
            ?? throw new InvalidOperationException("The tracking store is not registered by its type.");
        services.Remove(original);
        services.AddSingleton(provider => new FailingTrackingStore((ITrackingStore)ActivatorUtilities.CreateInstance(provider, type)));
        services.AddSingleton<ITrackingStore>(provider => provider.GetRequiredService<FailingTrackingStore>());
    }

    public Task StoreAsync(string pipeline, IReadOnlyList<TrackingEvent> events, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _refused);
        throw new InvalidOperationException(Failure);
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
}
