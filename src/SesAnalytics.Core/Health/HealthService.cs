using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Core.Health;

/// <summary>
/// Checks each pipeline: its queue and store answer, the drain keeps up (oldest waiting message), nothing sits on
/// the dead-letter queue, and sends are followed by outcome events (the quiet-pipeline check).
/// </summary>
public sealed class HealthService(
    PipelineCatalog pipelines,
    IEventQueues queues,
    ITrackingStore store,
    IOptions<HealthOptions> options,
    TimeProvider time,
    ILogger<HealthService> logger)
{
    private static readonly SesEventType[] Outcomes =
    [
        SesEventType.Delivery, SesEventType.Bounce, SesEventType.Complaint, SesEventType.Reject,
        SesEventType.DeliveryDelay, SesEventType.RenderingFailure,
    ];

    private readonly HealthOptions _options = options.Value;

    public async Task<IReadOnlyList<PipelineHealth>> CheckAllAsync(CancellationToken cancellationToken)
    {
        var checks = pipelines.All.Select(p => CheckAsync(p.Id, cancellationToken));
        return await Task.WhenAll(checks);
    }

    public async Task<PipelineHealth> CheckAsync(string pipeline, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        QueueStatus? queue = null;
        try
        {
            queue = await queues.GetStatusAsync(pipeline, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ProbeFailed(logger, e, pipeline, "queue");
            problems.Add($"queue does not answer ({e.GetType().Name})");
        }

        PipelineActivity? activity = null;
        try
        {
            activity = await store.GetActivityAsync(pipeline, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.ProbeFailed(logger, e, pipeline, "store");
            problems.Add($"store does not answer ({e.GetType().Name})");
        }

        if (queue is not null)
        {
            if (queue.DeadLetters >= _options.MaxDeadLetters)
            {
                problems.Add($"{queue.DeadLetters} message(s) on the dead-letter queue");
            }

            if (queue.OldestAge is { } age && age > _options.MaxOldestMessageAge)
            {
                problems.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"oldest waiting message is {age.TotalMinutes:0} minutes old: the drain is not keeping up"));
            }
        }

        var quiet = activity is not null && IsQuiet(activity);
        if (quiet)
        {
            Log.PipelineQuiet(logger, pipeline, _options.QuietAfter.TotalMinutes);
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"quiet: sends but no outcome event for {_options.QuietAfter.TotalMinutes:0} minutes"));
        }

        if (problems.Count > 0)
        {
            Log.PipelineUnhealthy(logger, pipeline, string.Join("; ", problems));
        }

        var last = activity?.LastStoredByType.ToDictionary(p => p.Key.ToName(), p => p.Value, StringComparer.Ordinal)
            ?? new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        return new PipelineHealth(pipeline, problems.Count == 0, problems, queue is not null, activity is not null, queue, last, quiet);
    }

    /// <summary>
    /// Quiet: the last send is older than <see cref="HealthOptions.QuietAfter"/> with no outcome since it, or sends
    /// go on while the last outcome is older than that. A pipeline that never had an outcome and keeps sending is
    /// caught once sending pauses for that long; reconciliation shows it sooner.
    /// </summary>
    private bool IsQuiet(PipelineActivity activity)
    {
        if (!activity.LastStoredByType.TryGetValue(SesEventType.Send, out var lastSend))
        {
            return false;
        }

        var outcomes = Outcomes.Where(activity.LastStoredByType.ContainsKey).Select(t => activity.LastStoredByType[t]).ToList();
        DateTimeOffset? lastOutcome = outcomes.Count > 0 ? outcomes.Max() : null;
        if (lastOutcome >= lastSend)
        {
            return false;
        }

        var since = lastOutcome ?? lastSend;
        return time.GetUtcNow() - since >= _options.QuietAfter;
    }
}
