using Amazon.DynamoDBv2;
using Amazon.Runtime;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws.DynamoDb;

/// <summary>DynamoDB clients pointed at the dynalite emulator of <see cref="AwsEmulators"/>, never at AWS.</summary>
internal static class DynamoDbEmulatorClient
{
    public static AmazonDynamoDBClient Create(AwsEmulators emulators, DynamoDbCallCounter? counter = null)
    {
        var config = new AmazonDynamoDBConfig
        {
            ServiceURL = emulators.DynamoDbUrl.ToString(),
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = 1,
        };
        if (counter is not null)
        {
            config.HttpClientFactory = new CountingHttpClientFactory(counter);
        }

        return new AmazonDynamoDBClient(new BasicAWSCredentials("test", "test"), config);
    }
}
