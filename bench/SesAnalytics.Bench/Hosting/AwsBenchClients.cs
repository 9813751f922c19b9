using Amazon.DynamoDBv2;
using Amazon.SQS;
using SesAnalytics.Bench.Http;
using SesAnalytics.Tests.Aws;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Bench.Hosting;

/// <summary>AWS SDK clients pointed at the emulators whose HTTP calls are counted and optionally delayed.</summary>
internal static class AwsBenchClients
{
    public static IAmazonSQS Sqs(AwsEmulators emulators, AwsCallCounter counter, TimeSpan delay) => new AmazonSQSClient(
        EmulatorAws.Credentials,
        new AmazonSQSConfig
        {
            ServiceURL = emulators.SqsSnsUrl.ToString(),
            AuthenticationRegion = EmulatorAws.Region,
            HttpClientFactory = new CountingHttpClientFactory(counter, delay, "sqs"),
        });

    public static IAmazonDynamoDB DynamoDb(AwsEmulators emulators, AwsCallCounter counter, TimeSpan delay) =>
        new AmazonDynamoDBClient(
            EmulatorAws.Credentials,
            new AmazonDynamoDBConfig
            {
                ServiceURL = emulators.DynamoDbUrl.ToString(),
                AuthenticationRegion = EmulatorAws.Region,
                HttpClientFactory = new CountingHttpClientFactory(counter, delay, "dynamodb"),
            });
}
