using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Core.Pipelines;

namespace SesAnalytics.Bench.Hosting;

/// <summary>Creates the configured pipelines' tracking tables and the suppression table on the emulator.</summary>
internal static class TrackingTables
{
    public static Task EnsureAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        DynamoDbTableSetup.EnsureTablesAsync(
            services.GetRequiredService<IAmazonDynamoDB>(),
            services.GetRequiredService<IOptions<SesAnalyticsOptions>>().Value.Pipelines.Values.Select(p => p.Table),
            services.GetRequiredService<IOptions<DynamoDbOptions>>().Value.SuppressionTable,
            cancellationToken);
}
