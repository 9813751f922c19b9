using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Aws;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws;

/// <summary>Builds a service provider with the AWS providers pointed at the emulators, as the app registers them.</summary>
public static class AwsTestServices
{
    /// <param name="emulators">The started emulators.</param>
    /// <param name="pipelines">Pipelines to configure (e.g. from <see cref="EmulatorPipeline.ToOptions"/>).</param>
    /// <param name="settings">Extra or overriding configuration, e.g. <c>SesAnalytics:Aws:MaxSendsPerSecond</c>.</param>
    /// <param name="configure">Runs after <see cref="AwsServiceCollectionExtensions.AddAwsProviders"/>.</param>
    public static ServiceProvider Build(
        AwsEmulators emulators,
        IEnumerable<PipelineOptions> pipelines,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        var values = new Dictionary<string, string?>
        {
            [$"{AwsOptions.SectionName}:Region"] = EmulatorAws.Region,
            [$"{AwsOptions.SectionName}:SesServiceUrl"] = emulators.SesUrl.ToString(),
            [$"{AwsOptions.SectionName}:SqsServiceUrl"] = emulators.SqsSnsUrl.ToString(),
            [$"{AwsOptions.SectionName}:DynamoDbServiceUrl"] = emulators.DynamoDbUrl.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        return Build(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), pipelines, configure);
    }

    /// <summary>The same registration from any configuration (no emulator needed, e.g. with a fake SES handler).</summary>
    public static ServiceProvider Build(
        IConfiguration configuration,
        IEnumerable<PipelineOptions> pipelines,
        Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(EmulatorAws.Credentials);
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(new CursorProtector(new byte[32]));
        var pipelineList = pipelines.ToList();
        services.Configure<SesAnalyticsOptions>(options =>
        {
            foreach (var pipeline in pipelineList)
            {
                options.Pipelines[pipeline.Id] = pipeline;
            }
        });
        services.AddAwsProviders(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
