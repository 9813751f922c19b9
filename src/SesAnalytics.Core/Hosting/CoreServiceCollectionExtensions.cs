using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Diagnostics;
using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Health;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Sending;
using SesAnalytics.Core.Suppression;

namespace SesAnalytics.Core.Hosting;

public static class CoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers the options (validated at start), the pipeline catalog and the services every host runs:
    /// drain, send, suppression policy, health and telemetry. Providers are registered separately.
    /// </summary>
    public static IServiceCollection AddSesAnalyticsCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SesAnalyticsOptions>()
            .Configure(o =>
            {
                o.Pipelines[PipelineDefaults.Outreach] = PipelineDefaults.OutreachPipeline();
                o.Pipelines[PipelineDefaults.Financial] = PipelineDefaults.FinancialPipeline();
            })
            .Bind(configuration.GetSection(SesAnalyticsOptions.SectionName))
            .PostConfigure(o =>
            {
                foreach (var (id, pipeline) in o.Pipelines)
                {
                    pipeline.Id = id.ToLowerInvariant();
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SesAnalyticsOptions>, SesAnalyticsOptionsValidator>());
        AddSection<DrainOptions>(services, configuration, DrainOptions.SectionName);
        AddSection<SuppressionOptions>(services, configuration, SuppressionOptions.SectionName);
        AddSection<HealthOptions>(services, configuration, HealthOptions.SectionName);

        services.AddMetrics();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SesAnalyticsTelemetry>();
        services.TryAddSingleton<PipelineCatalog>();
        services.TryAddSingleton<SuppressionPolicy>();
        services.TryAddSingleton<DrainService>();
        services.TryAddSingleton<SendService>();
        services.TryAddSingleton<HealthService>();
        return services;
    }

    private static void AddSection<T>(IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>()
            .Bind(configuration.GetSection(section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
