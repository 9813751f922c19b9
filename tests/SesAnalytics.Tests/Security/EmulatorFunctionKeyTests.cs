using SesAnalytics.Tests.Emulators;
using SesAnalytics.Tests.Robustness;

namespace SesAnalytics.Tests.Security;

/// <summary>The function key check of every route on the AWS providers and the emulators.</summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class EmulatorFunctionKeyTests(AwsEmulators emulators) : FunctionKeyScenarios
{
    protected override async Task<ProviderSet> CreateProvidersAsync() =>
        await EmulatorProviderSet.CreateAsync(emulators, new ProviderSetOptions());
}
