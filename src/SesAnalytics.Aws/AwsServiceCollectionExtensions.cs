using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Aws.Ses;
using SesAnalytics.Aws.Signing;
using SesAnalytics.Aws.Sqs;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;

namespace SesAnalytics.Aws;

/// <summary>Registers the AWS providers: SES v2 for sending and templates, SQS for the event queues.</summary>
public static class AwsServiceCollectionExtensions
{
    private static readonly TimeSpan SesTimeout = TimeSpan.FromSeconds(30);

    /// <summary>True when <c>SesAnalytics:Aws:Region</c> is set, i.e. the app should use the AWS providers.</summary>
    public static bool IsAwsConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return !string.IsNullOrWhiteSpace(configuration[$"{AwsOptions.SectionName}:{nameof(AwsOptions.Region)}"]);
    }

    /// <summary>
    /// Binds and validates <see cref="AwsOptions"/> (at start), checks every pipeline's queue URLs, and registers
    /// <see cref="IEmailSender"/>, <see cref="IEmailTemplates"/>, <see cref="IEventQueues"/>, the SQS and DynamoDB
    /// clients and the signed SES <see cref="HttpClient"/>. Credentials come from the AWS SDK's default chain
    /// unless an <see cref="AWSCredentials"/> is registered first. <see cref="SesAnalyticsOptions"/> itself is
    /// bound by the caller; the tracking store and suppression list are registered by the DynamoDB providers.
    /// </summary>
    public static IServiceCollection AddAwsProviders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AwsOptions>()
            .Bind(configuration.GetSection(AwsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AwsOptions>, AwsOptionsValidator>());
        services.AddOptions<SesAnalyticsOptions>().ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SesAnalyticsOptions>, AwsPipelineOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AWSCredentials>(_ => DefaultAWSCredentialsIdentityResolver.GetCredentials(null));
        services.TryAddSingleton<IAmazonSQS>(provider =>
        {
            var aws = provider.GetRequiredService<IOptions<AwsOptions>>().Value;
            var config = new AmazonSQSConfig();
            Endpoint(config, aws, aws.SqsServiceUrl);
            return new AmazonSQSClient(provider.GetRequiredService<AWSCredentials>(), config);
        });
        services.TryAddSingleton<IAmazonDynamoDB>(provider =>
        {
            var aws = provider.GetRequiredService<IOptions<AwsOptions>>().Value;
            var config = new AmazonDynamoDBConfig();
            Endpoint(config, aws, aws.DynamoDbServiceUrl);
            return new AmazonDynamoDBClient(provider.GetRequiredService<AWSCredentials>(), config);
        });

        services.AddHttpClient(SesV2Api.HttpClientName, (provider, client) =>
            {
                var aws = provider.GetRequiredService<IOptions<AwsOptions>>().Value;
                client.BaseAddress = SesBaseAddress(aws);
                client.Timeout = SesTimeout;
            })
            .AddHttpMessageHandler(provider => new SigV4SigningHandler(
                provider.GetRequiredService<AWSCredentials>(),
                RegionEndpoint.GetBySystemName(provider.GetRequiredService<IOptions<AwsOptions>>().Value.Region),
                "ses"));

        services.AddSingleton<IEmailSender, SesEmailSender>();
        services.AddSingleton<IEmailTemplates, SesEmailTemplates>();
        services.AddSingleton<IEventQueues, SqsEventQueues>();
        services.AddDynamoDbTracking();
        return services;
    }

    /// <summary>The SES v2 endpoint, with a trailing slash so relative API paths append to it.</summary>
    internal static Uri SesBaseAddress(AwsOptions aws)
    {
        var url = string.IsNullOrEmpty(aws.SesServiceUrl) ? $"https://email.{aws.Region}.amazonaws.com/" : aws.SesServiceUrl;
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }

    /// <summary>An emulator's URL when one is configured (signed for the configured region), else the region.</summary>
    private static void Endpoint(ClientConfig config, AwsOptions aws, string? serviceUrl)
    {
        if (string.IsNullOrEmpty(serviceUrl))
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(aws.Region);
            return;
        }

        config.ServiceURL = serviceUrl;
        config.AuthenticationRegion = aws.Region;
    }
}
