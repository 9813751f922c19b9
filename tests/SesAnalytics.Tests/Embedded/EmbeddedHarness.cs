using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Embedded;

namespace SesAnalytics.Tests.Embedded;

/// <summary>
/// The embedded providers as the composition root wires them (configuration, options, cursor protector from the
/// embedded signing key, the contract's two pipelines), over a given data folder and clock. A second harness over
/// the same folder is a restart.
/// </summary>
public sealed class EmbeddedHarness : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 1, 10, 12, 0, 0, TimeSpan.Zero);

    private EmbeddedHarness(string dataPath, TimeProvider time, IDictionary<string, string?> settings)
    {
        DataPath = dataPath;
        var values = new Dictionary<string, string?>(settings)
        {
            [$"{EmbeddedOptions.SectionName}:{nameof(EmbeddedOptions.DataPath)}"] = dataPath,
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(time);
        services.AddOptions<SesAnalyticsOptions>()
            .Configure(o =>
            {
                o.Pipelines[PipelineDefaults.Outreach] = PipelineDefaults.OutreachPipeline();
                o.Pipelines[PipelineDefaults.Financial] = PipelineDefaults.FinancialPipeline();
            })
            .Bind(configuration.GetSection(SesAnalyticsOptions.SectionName));
        services.AddEmbeddedProviders(configuration);
        services.AddSingleton(provider => new CursorProtector(provider.GetRequiredService<EmbeddedSecrets>().SigningKey.Span));
        Services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public string DataPath { get; }

    public ServiceProvider Services { get; }

    public ITrackingStore Store => Services.GetRequiredService<ITrackingStore>();

    public IEventQueues Queues => Services.GetRequiredService<IEventQueues>();

    public IEmailSender Sender => Services.GetRequiredService<IEmailSender>();

    public IEmailTemplates Templates => Services.GetRequiredService<IEmailTemplates>();

    public ISuppressionList Suppressions => Services.GetRequiredService<ISuppressionList>();

    public OutboxEngagement Engagement => Services.GetRequiredService<OutboxEngagement>();

    public static EmbeddedHarness Create(string dataPath, TimeProvider time, IDictionary<string, string?>? settings = null) =>
        new(dataPath, time, settings ?? new Dictionary<string, string?>());

    public static FakeTimeProvider NewClock() => new(Start);

    public void Dispose() => Services.Dispose();
}
