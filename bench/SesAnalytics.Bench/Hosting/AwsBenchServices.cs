using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Aws;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Aws.Ses;
using SesAnalytics.Bench.Http;
using SesAnalytics.Core.Hosting;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Tests.Aws;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Bench.Hosting;

/// <summary>
/// The app's services over the AWS providers (SQS queues, DynamoDB tracking store and suppression list, SES client)
/// pointed at the emulators, registered as the composition root does, with every AWS call counted at the HTTP layer
/// (the SDK clients through their <see cref="HttpClientFactory"/>, SES through its named HttpClient).
/// </summary>
internal static class AwsBenchServices
{
    public static ServiceProvider Build(
        AwsEmulators emulators,
        IReadOnlyDictionary<string, string?> settings,
        AwsCallCounter counter,
        TimeSpan delay)
    {
        var values = new Dictionary<string, string?>(settings)
        {
            ["SesAnalytics:Aws:Region"] = EmulatorAws.Region,
            ["SesAnalytics:Aws:SesServiceUrl"] = emulators.SesUrl.ToString(),
            ["SesAnalytics:Aws:SqsServiceUrl"] = emulators.SqsSnsUrl.ToString(),
            ["SesAnalytics:Aws:DynamoDbServiceUrl"] = emulators.DynamoDbUrl.ToString(),
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(EmulatorAws.Credentials);
        services.AddSingleton(_ => AwsBenchClients.Sqs(emulators, counter, delay));
        services.AddSingleton(_ => AwsBenchClients.DynamoDb(emulators, counter, delay));
        services.AddSesAnalyticsCore(configuration);
        services.AddAwsProviders(configuration);
        services.AddDynamoDbTracking();
        services.AddSingleton(new CursorProtector(Convert.FromBase64String(BenchSettings.SigningKey)));
        services.AddSingleton(provider => new UnsubscribeTokenSigner(
            Convert.FromBase64String(BenchSettings.SigningKey),
            provider.GetRequiredService<TimeProvider>()));
        services.AddHttpClient(SesV2Api.HttpClientName).AddHttpMessageHandler(() => new AwsCallHandler(counter, delay, "ses"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
