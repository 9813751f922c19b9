using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesAnalytics.Aws;
using SesAnalytics.Core.Pipelines;

namespace SesAnalytics.Tests.Aws;

/// <summary>Bad AWS settings stop the host at start, with the setting's name in the message.</summary>
public sealed class AwsOptionsValidationTests
{
    [Theory]
    [InlineData("SqsServiceUrl", "localhost:4566")]
    [InlineData("SesServiceUrl", "ftp://127.0.0.1/")]
    [InlineData("DynamoDbServiceUrl", "/relative")]
    public void Start_ServiceUrlNotAbsoluteHttp_FailsNamingTheSetting(string setting, string value)
    {
        using var services = Services([], (setting, value));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"SesAnalytics:Aws:{setting} must be an absolute http or https URL", error.Message);
    }

    [Fact]
    public void Start_NoRegion_FailsNamingTheRegionSetting()
    {
        using var services = Services([], ("Region", null));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("SesAnalytics:Aws:Region is required", error.Message);
    }

    [Fact]
    public void Start_MaxSendsPerSecondZero_FailsNamingTheSetting()
    {
        using var services = Services([], ("MaxSendsPerSecond", "0"));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("MaxSendsPerSecond", error.Message);
    }

    [Fact]
    public void Start_PipelineWithoutQueueUrls_FailsNamingBothSettings()
    {
        using var services = Services([PipelineDefaults.OutreachPipeline()]);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("SesAnalytics:Pipelines:outreach:QueueUrl is required", error.Message);
        Assert.Contains("SesAnalytics:Pipelines:outreach:DeadLetterQueueUrl is required", error.Message);
    }

    [Fact]
    public void Start_ValidSettings_PassesAndKeepsTheDefaults()
    {
        var outreach = PipelineDefaults.OutreachPipeline();
        outreach.QueueUrl = "http://127.0.0.1:4566/000000000000/ses-email-events";
        outreach.DeadLetterQueueUrl = "http://127.0.0.1:4566/000000000000/ses-email-events-dlq";
        using var services = Services([outreach]);

        services.GetRequiredService<IStartupValidator>().Validate();

        var options = services.GetRequiredService<IOptions<AwsOptions>>().Value;
        Assert.Equal(14, options.MaxSendsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(60), options.VisibilityTimeout);
        Assert.Equal("ses-suppression-list", options.SuppressionTable);
    }

    [Fact]
    public void IsAwsConfigured_RegionSetOrNot_TellsWhetherToUseTheAwsProviders()
    {
        var with = new ConfigurationBuilder().AddInMemoryCollection([new("SesAnalytics:Aws:Region", "eu-west-1")]).Build();
        var without = new ConfigurationBuilder()
            .AddInMemoryCollection([new("SesAnalytics:Aws:SqsServiceUrl", "http://127.0.0.1:1")])
            .Build();

        Assert.True(AwsServiceCollectionExtensions.IsAwsConfigured(with));
        Assert.False(AwsServiceCollectionExtensions.IsAwsConfigured(without));
    }

    private static ServiceProvider Services(PipelineOptions[] pipelines, params (string Key, string? Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["SesAnalytics:Aws:Region"] = "eu-west-1" };
        foreach (var (key, value) in settings)
        {
            values[$"SesAnalytics:Aws:{key}"] = value;
        }

        return AwsTestServices.Build(new ConfigurationBuilder().AddInMemoryCollection(values).Build(), pipelines);
    }
}
