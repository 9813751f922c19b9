using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SesAnalytics.Core.Providers;
using SesAnalytics.Embedded;

namespace SesAnalytics.Tests.Embedded;

public sealed class EmbeddedServiceCollectionExtensionsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void AddEmbeddedProviders_Registered_ResolvesEveryProviderAsOneSingleton()
    {
        using var harness = EmbeddedHarness.Create(_folder.Path, EmbeddedHarness.NewClock());

        Assert.Same(harness.Store, harness.Services.GetRequiredService<ITrackingStore>());
        Assert.Same(harness.Queues, harness.Services.GetRequiredService<IEventQueues>());
        Assert.Same(harness.Sender, harness.Services.GetRequiredService<IEmailSender>());
        Assert.Same(harness.Templates, harness.Services.GetRequiredService<IEmailTemplates>());
        Assert.Same(harness.Suppressions, harness.Services.GetRequiredService<ISuppressionList>());
        Assert.Same(harness.Engagement, harness.Services.GetRequiredService<OutboxEngagement>());
        Assert.NotNull(harness.Services.GetRequiredService<EmbeddedSecrets>());
    }

    [Fact]
    public void AddEmbeddedProviders_TimeProviderAlreadyRegistered_KeepsIt()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        services.AddEmbeddedProviders(new ConfigurationBuilder().Build());

        using var provider = services.BuildServiceProvider();
        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddEmbeddedProviders_NoTimeProvider_AddsTheSystemClock()
    {
        var services = new ServiceCollection();

        services.AddEmbeddedProviders(new ConfigurationBuilder().Build());

        using var provider = services.BuildServiceProvider();
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public void AddEmbeddedProviders_NoDataPath_DefaultsToTheLocalApplicationDataFolder()
    {
        var services = new ServiceCollection();

        services.AddEmbeddedProviders(new ConfigurationBuilder().Build());

        using var provider = services.BuildServiceProvider();
        var expected = Path.Combine(
            Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
            "SesAnalytics");
        Assert.Equal(expected, provider.GetRequiredService<IOptions<EmbeddedOptions>>().Value.DataPath);
    }

    [Theory]
    [InlineData("MaxReceiveCount", "0")]
    [InlineData("VisibilityTimeout", "00:00:00")]
    [InlineData("DataPath", "")]
    public async Task StartAsync_InvalidEmbeddedSetting_FailsNamingTheSetting(string setting, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{EmbeddedOptions.SectionName}:DataPath"] = _folder.Path,
            [$"{EmbeddedOptions.SectionName}:{setting}"] = value,
        });
        builder.Services.AddEmbeddedProviders(builder.Configuration);
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }
}
