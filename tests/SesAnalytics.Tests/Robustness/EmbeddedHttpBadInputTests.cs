namespace SesAnalytics.Tests.Robustness;

/// <summary>The bad-input table on the standalone host with the embedded providers.</summary>
public sealed class EmbeddedHttpBadInputTests : HttpBadInputScenarios
{
    protected override Task<ProviderSet> CreateProvidersAsync() =>
        Task.FromResult<ProviderSet>(new EmbeddedProviderSet(new ProviderSetOptions()));
}
