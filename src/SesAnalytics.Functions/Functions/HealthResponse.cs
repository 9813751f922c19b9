using SesAnalytics.Core.Health;

namespace SesAnalytics.Functions.Functions;

public sealed record HealthResponse(string Status, IReadOnlyList<PipelineHealth> Pipelines);
