using SesAnalytics.Tests.Robustness;

namespace SesAnalytics.Tests.Security;

/// <summary>The log privacy run on the embedded providers.</summary>
public sealed class EmbeddedLogPrivacyTests : LogPrivacyScenarios
{
    protected override Task<ProviderSet> CreateProvidersAsync() =>
        Task.FromResult<ProviderSet>(new EmbeddedProviderSet(new ProviderSetOptions()));
}
