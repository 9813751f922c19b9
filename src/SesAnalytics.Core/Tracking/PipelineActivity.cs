using SesAnalytics.Core.Events;

namespace SesAnalytics.Core.Tracking;

/// <summary>When a pipeline last stored an event of each type (health and the quiet-pipeline check).</summary>
public sealed record PipelineActivity(IReadOnlyDictionary<SesEventType, DateTimeOffset> LastStoredByType);
