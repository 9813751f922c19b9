namespace SesAnalytics.Tests.Robustness;

/// <summary>The queue robustness scenarios on the embedded (SQLite) providers.</summary>
public sealed class EmbeddedQueueRobustnessTests : QueueRobustnessScenarios
{
    protected override Task<ProviderSet> CreateProvidersAsync(ProviderSetOptions options) =>
        Task.FromResult<ProviderSet>(new EmbeddedProviderSet(options));
}
