using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Providers;

namespace SesAnalytics.Aws.DynamoDb;

public static class DynamoDbServiceCollectionExtensions
{
    /// <summary>
    /// Registers the DynamoDB <see cref="ITrackingStore"/> and <see cref="ISuppressionList"/> as singletons, with
    /// <see cref="DynamoDbOptions"/> bound from <c>SesAnalytics:Aws</c> and validated at start. The composition root
    /// registers <c>IAmazonDynamoDB</c>, <c>IOptions&lt;SesAnalyticsOptions&gt;</c>, <c>CursorProtector</c>,
    /// <c>TimeProvider</c>, logging and <c>IConfiguration</c>; the tables come from
    /// <c>DynamoDbTableSetup.EnsureTablesAsync</c>.
    /// </summary>
    public static IServiceCollection AddDynamoDbTracking(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<DynamoDbOptions>()
            .BindConfiguration(DynamoDbOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<ITrackingStore, DynamoDbTrackingStore>();
        services.AddSingleton<ISuppressionList, DynamoDbSuppressionList>();
        return services;
    }
}
