using SesAnalytics.Tests.Robustness;

namespace SesAnalytics.Tests.Security;

/// <summary>The function key check of every route on the embedded providers.</summary>
public sealed class EmbeddedFunctionKeyTests : FunctionKeyScenarios
{
    protected override Task<ProviderSet> CreateProvidersAsync() =>
        Task.FromResult<ProviderSet>(new EmbeddedProviderSet(new ProviderSetOptions()));
}
