using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Embedded.Queues;
using SesAnalytics.Embedded.Sending;
using SesAnalytics.Embedded.Storage;
using SesAnalytics.Embedded.Suppression;
using SesAnalytics.Embedded.Templates;
using SesAnalytics.Embedded.Tracking;

namespace SesAnalytics.Embedded;

public static class EmbeddedServiceCollectionExtensions
{
    /// <summary>
    /// Registers the embedded (SQLite) providers as the Core provider interfaces, with <see cref="EmbeddedOptions"/>
    /// bound from <c>SesAnalytics:Embedded</c> and validated at start, <see cref="EmbeddedSecrets"/> and
    /// <see cref="OutboxEngagement"/>. The caller binds <see cref="SesAnalyticsOptions"/> and registers the
    /// <c>CursorProtector</c> (for instance from <see cref="EmbeddedSecrets.SigningKey"/>). A
    /// <see cref="TimeProvider"/> is added only when none is registered.
    /// </summary>
    public static IServiceCollection AddEmbeddedProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<EmbeddedOptions>()
            .Bind(configuration.GetSection(EmbeddedOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<SesAnalyticsOptions>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<EmbeddedDatabase>();
        services.AddSingleton<EmbeddedSecrets>();
        services.AddSingleton<ITrackingStore, SqliteTrackingStore>();
        services.AddSingleton<IEventQueues, SqliteEventQueues>();
        services.AddSingleton<IEmailTemplates, SqliteEmailTemplates>();
        services.AddSingleton<ISuppressionList, SqliteSuppressionList>();

        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<Outbox>();
        services.AddSingleton<SesEventPublisher>();
        services.AddSingleton<IEmailSender, EmbeddedEmailSender>();
        services.AddSingleton(provider => new OutboxEngagement(
            provider.GetRequiredService<Outbox>(),
            provider.GetRequiredService<SesEventPublisher>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<OutboxEngagement>>()));
        return services;
    }
}
