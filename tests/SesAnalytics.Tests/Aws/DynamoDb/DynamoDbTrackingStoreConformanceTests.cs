using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Tests.Conformance;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws.DynamoDb;

/// <summary>The tracking store conformance tests against DynamoDB (dynalite), one new table per test.</summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class DynamoDbTrackingStoreConformanceTests(AwsEmulators emulators) : TrackingStoreConformance, IDisposable
{
    private readonly List<IAmazonDynamoDB> _clients = [];

    protected override async Task<ITrackingStore> CreateStoreAsync(SesAnalyticsOptions options, TimeProvider time)
    {
        var client = DynamoDbEmulatorClient.Create(emulators);
        _clients.Add(client);
        await DynamoDbTableSetup.EnsureTablesAsync(
            client,
            options.Pipelines.Values.Select(p => p.Table),
            "conformance-suppression",
            CancellationToken.None);
        return new DynamoDbTrackingStore(
            client,
            Options.Create(options),
            Options.Create(new DynamoDbOptions()),
            new CursorProtector(RandomNumberGenerator.GetBytes(32)),
            time,
            NullLogger<DynamoDbTrackingStore>.Instance);
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
    }
}
