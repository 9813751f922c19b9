using Amazon.DynamoDBv2;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws;

/// <summary>The SDK clients <c>AddAwsProviders</c> registers reach the endpoints the settings name.</summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class AwsClientsTests(AwsEmulators emulators)
{
    [Fact]
    public async Task AddAwsProviders_EmulatorUrls_DynamoDbClientTalksToTheEmulator()
    {
        using var services = AwsTestServices.Build(emulators, []);
        var dynamo = services.GetRequiredService<IAmazonDynamoDB>();

        var tables = await dynamo.ListTablesAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, tables.HttpStatusCode);
        Assert.Equal(emulators.DynamoDbUrl.ToString(), dynamo.Config.ServiceURL);
        Assert.Equal(EmulatorAws.Region, dynamo.Config.AuthenticationRegion);
    }

    [Fact]
    public async Task AddAwsProviders_EmulatorUrls_SqsClientTalksToTheEmulator()
    {
        var queues = await EmulatorPipelineQueues.CreateAsync(emulators, "financial");
        using var services = AwsTestServices.Build(emulators, [queues.ToOptions()]);
        var sqs = services.GetRequiredService<IAmazonSQS>();

        var listed = await sqs.ListQueuesAsync(new Amazon.SQS.Model.ListQueuesRequest { QueueNamePrefix = queues.QueueUrl.Split('/')[^1] });

        Assert.Contains(queues.QueueUrl, listed.QueueUrls ?? []);
    }
}
