using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Robustness;

/// <summary>The queue robustness scenarios on the AWS providers: SQS on fauxqs, DynamoDB on dynalite.</summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class EmulatorQueueRobustnessTests(AwsEmulators emulators) : QueueRobustnessScenarios
{
    protected override async Task<ProviderSet> CreateProvidersAsync(ProviderSetOptions options) =>
        await EmulatorProviderSet.CreateAsync(emulators, options);
}
