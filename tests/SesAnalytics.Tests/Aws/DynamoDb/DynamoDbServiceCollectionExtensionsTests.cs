using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Tests.Aws.DynamoDb;

public sealed class DynamoDbServiceCollectionExtensionsTests
{
    [Fact]
    public void AddDynamoDbTracking_CompositionRootServices_ResolvesSingletonStoreAndList()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["SesAnalytics:Aws:SuppressionTable"] = "custom-suppression" });

        var store = provider.GetRequiredService<ITrackingStore>();
        var list = provider.GetRequiredService<ISuppressionList>();

        Assert.IsType<DynamoDbTrackingStore>(store);
        Assert.IsType<DynamoDbSuppressionList>(list);
        Assert.Same(store, provider.GetRequiredService<ITrackingStore>());
        Assert.Same(list, provider.GetRequiredService<ISuppressionList>());
        Assert.Equal("custom-suppression", provider.GetRequiredService<IOptions<DynamoDbOptions>>().Value.SuppressionTable);
    }

    [Fact]
    public void AddDynamoDbTracking_NoSetting_UsesTheDefaultSuppressionTable()
    {
        using var provider = Provider([]);

        var options = provider.GetRequiredService<IOptions<DynamoDbOptions>>().Value;

        Assert.Equal("ses-suppression-list", options.SuppressionTable);
    }

    [Fact]
    public void AddDynamoDbTracking_InvalidSetting_FailsNamingIt()
    {
        using var provider = Provider(new Dictionary<string, string?> { ["SesAnalytics:Aws:BatchWriteMaxAttempts"] = "1" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DynamoDbOptions>>().Value);

        Assert.Contains(nameof(DynamoDbOptions.BatchWriteMaxAttempts), error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSingleton(Substitute.For<IAmazonDynamoDB>());
        services.AddSingleton(Options.Create(new SesAnalyticsOptions()));
        services.AddSingleton(new CursorProtector(RandomNumberGenerator.GetBytes(32)));
        services.AddSingleton(TimeProvider.System);

        services.AddDynamoDbTracking();

        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }
}
