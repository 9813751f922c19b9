using Microsoft.Extensions.Options;

namespace SesAnalytics.Core.Pipelines;

/// <summary>The configured pipelines, looked up by id (case-insensitive).</summary>
public sealed class PipelineCatalog(IOptions<SesAnalyticsOptions> options)
{
    private readonly SesAnalyticsOptions _options = options.Value;

    public IEnumerable<PipelineOptions> All => _options.Pipelines.Values.OrderBy(p => p.Id, StringComparer.Ordinal);

    public PipelineOptions? Find(string? id) =>
        id is not null && _options.Pipelines.TryGetValue(id, out var pipeline) ? pipeline : null;

    public PipelineOptions Get(string id) =>
        Find(id) ?? throw new ArgumentException(
            $"Unknown pipeline '{id}'. Configured: {string.Join(", ", _options.Pipelines.Keys)}.",
            nameof(id));
}
