using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Hosting;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Embedded;

namespace SesAnalytics.Bench.Hosting;

/// <summary>The app's services over the embedded (SQLite) providers, with their data in <paramref name="dataPath"/>.</summary>
internal static class EmbeddedBenchServices
{
    public static ServiceProvider Build(string dataPath, IReadOnlyDictionary<string, string?> settings)
    {
        var values = new Dictionary<string, string?>(settings)
        {
            [$"{EmbeddedOptions.SectionName}:{nameof(EmbeddedOptions.DataPath)}"] = dataPath,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSesAnalyticsCore(configuration);
        services.AddEmbeddedProviders(configuration);
        services.AddSingleton(provider => new CursorProtector(provider.GetRequiredService<EmbeddedSecrets>().SigningKey.Span));
        services.AddSingleton(provider => new UnsubscribeTokenSigner(
            provider.GetRequiredService<EmbeddedSecrets>().SigningKey.ToArray(),
            provider.GetRequiredService<TimeProvider>()));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
