using SesAnalytics.Core.Providers;

namespace SesAnalytics.Core.Health;

/// <summary>One pipeline's health, free of personal data.</summary>
public sealed record PipelineHealth(
    string Pipeline,
    bool Healthy,
    IReadOnlyList<string> Problems,
    bool QueueReachable,
    bool StoreReachable,
    QueueStatus? Queue,
    IReadOnlyDictionary<string, DateTimeOffset> LastStoredByType,
    bool Quiet);
