using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using SesAnalytics.Aws;
using SesAnalytics.Core.Diagnostics;
using SesAnalytics.Core.Hosting;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Embedded;

namespace SesAnalytics.Hosting;

public static class AppServiceCollectionExtensions
{
    /// <summary>
    /// Everything the app runs on, for the Functions host and the standalone host alike: core services, the AWS
    /// providers when <c>SesAnalytics:Aws:Region</c> is set or else the embedded ones, signing keys and telemetry.
    /// </summary>
    public static IServiceCollection AddSesAnalyticsApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSesAnalyticsCore(configuration);
        var useAws = UsesAws(configuration);
        if (useAws)
        {
            services.AddAwsProviders(configuration);
            services.AddSingleton<IValidateOptions<SesAnalyticsOptions>, AwsSigningKeyValidator>();
        }
        else
        {
            services.AddEmbeddedProviders(configuration);
        }

        services.TryAddSingleton(provider => new SigningKey(ResolveKey(provider, useAws)));
        services.TryAddSingleton(provider => new CursorProtector(provider.GetRequiredService<SigningKey>().Bytes));
        services.TryAddSingleton(provider => new UnsubscribeTokenSigner(
            provider.GetRequiredService<SigningKey>().Bytes,
            provider.GetRequiredService<TimeProvider>()));
        AddTelemetry(services, configuration);
        return services;
    }

    public static bool UsesAws(IConfiguration configuration) => AwsServiceCollectionExtensions.IsAwsConfigured(configuration);

    private static byte[] ResolveKey(IServiceProvider provider, bool useAws)
    {
        var configured = provider.GetRequiredService<IOptions<SesAnalyticsOptions>>().Value.UnsubscribeSigningKey;
        if (!string.IsNullOrEmpty(configured))
        {
            return Convert.FromBase64String(configured);
        }

        return useAws
            ? throw new InvalidOperationException($"{SesAnalyticsOptions.SectionName}:UnsubscribeSigningKey is required with the AWS providers.")
            : provider.GetRequiredService<EmbeddedSecrets>().SigningKey.ToArray();
    }

    /// <summary>
    /// Metrics and traces of the app (meter and source "SesAnalytics") and of its outgoing HTTP calls, exported to
    /// Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set and to OTLP when
    /// OTEL_EXPORTER_OTLP_ENDPOINT is set: configuration alone decides.
    /// </summary>
    private static void AddTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        var telemetry = services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics.AddMeter(SesAnalyticsTelemetry.Name))
            .WithTracing(tracing => tracing.AddSource(SesAnalyticsTelemetry.Name).AddHttpClientInstrumentation());
        if (!string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            telemetry.UseOtlpExporter();
        }

        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            telemetry.WithMetrics(metrics => metrics.AddAzureMonitorMetricExporter())
                .WithTracing(tracing => tracing.AddAzureMonitorTraceExporter());
        }
    }

    /// <summary>Key material for unsubscribe tokens and paging cursors (each derives its own key from it).</summary>
    public sealed class SigningKey(byte[] bytes)
    {
        public byte[] Bytes { get; } = bytes;
    }

    private sealed class AwsSigningKeyValidator : IValidateOptions<SesAnalyticsOptions>
    {
        public ValidateOptionsResult Validate(string? name, SesAnalyticsOptions options) =>
            string.IsNullOrEmpty(options.UnsubscribeSigningKey)
                ? ValidateOptionsResult.Fail(
                    $"{SesAnalyticsOptions.SectionName}:UnsubscribeSigningKey is required with the AWS providers " +
                    "(base64 of 32 random bytes, e.g. from 'openssl rand -base64 32'); keep it in a secret store.")
                : ValidateOptionsResult.Success;
    }
}
