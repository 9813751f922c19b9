using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Robustness;

/// <summary>The bad-input table on the standalone host with the AWS providers on the emulators.</summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class EmulatorHttpBadInputTests(AwsEmulators emulators) : HttpBadInputScenarios
{
    protected override async Task<ProviderSet> CreateProvidersAsync() =>
        await EmulatorProviderSet.CreateAsync(emulators, new ProviderSetOptions());
}
