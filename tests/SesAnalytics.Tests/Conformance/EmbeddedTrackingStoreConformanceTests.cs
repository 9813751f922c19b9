using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Embedded;
using SesAnalytics.Tests.Embedded;

namespace SesAnalytics.Tests.Conformance;

/// <summary>The tracking store conformance tests against the SQLite store, one new data folder per store.</summary>
public sealed class EmbeddedTrackingStoreConformanceTests : TrackingStoreConformance, IDisposable
{
    private readonly List<ServiceProvider> _providers = [];
    private readonly List<TempFolder> _folders = [];

    protected override Task<ITrackingStore> CreateStoreAsync(SesAnalyticsOptions options, TimeProvider time)
    {
        var folder = new TempFolder();
        _folders.Add(folder);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{EmbeddedOptions.SectionName}:{nameof(EmbeddedOptions.DataPath)}"] = folder.Path,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddSingleton(Options.Create(options));
        services.AddEmbeddedProviders(configuration);
        services.AddSingleton(provider => new CursorProtector(provider.GetRequiredService<EmbeddedSecrets>().SigningKey.Span));
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _providers.Add(provider);
        return Task.FromResult(provider.GetRequiredService<ITrackingStore>());
    }

    public void Dispose()
    {
        foreach (var provider in _providers)
        {
            provider.Dispose();
        }

        foreach (var folder in _folders)
        {
            folder.Dispose();
        }
    }
}
