using SesAnalytics.Tests.Emulators;
using SesAnalytics.Tests.Robustness;

namespace SesAnalytics.Tests.Security;

/// <summary>The log privacy run on the AWS providers and the emulators.</summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class EmulatorLogPrivacyTests(AwsEmulators emulators) : LogPrivacyScenarios
{
    protected override async Task<ProviderSet> CreateProvidersAsync() =>
        await EmulatorProviderSet.CreateAsync(emulators, new ProviderSetOptions());
}
