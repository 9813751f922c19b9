using SesAnalytics.Core.Events;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Core.Providers;

/// <summary>
/// Tracking records and their aggregates (DynamoDB's role). Writes are idempotent: storing an event whose
/// <see cref="TrackingEvent.Key"/> is already stored changes nothing, so a redelivered queue message is harmless.
/// Records expire after the configured retention and are never returned after that.
/// </summary>
public interface ITrackingStore
{
    /// <summary>Stores the events; returns only when all are durably stored (the caller then deletes the messages).</summary>
    Task StoreAsync(string pipeline, IReadOnlyList<TrackingEvent> events, CancellationToken cancellationToken);

    /// <summary>A page of records; throws <see cref="InvalidNextTokenException"/> for a cursor it did not issue.</summary>
    Task<TrackingPage> QueryAsync(string pipeline, TrackingQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Unique-message counts for messages sent in <paramref name="window"/>, optionally for one campaign,
    /// from aggregates: the cost does not grow with the number of stored records.
    /// </summary>
    Task<EngagementCounts> GetCountsAsync(
        string pipeline,
        TimeWindow window,
        string? campaignId,
        CancellationToken cancellationToken);

    Task<PipelineActivity> GetActivityAsync(string pipeline, CancellationToken cancellationToken);

    Task<DailyReconciliation> ReconcileAsync(string pipeline, DateOnly day, CancellationToken cancellationToken);
}
