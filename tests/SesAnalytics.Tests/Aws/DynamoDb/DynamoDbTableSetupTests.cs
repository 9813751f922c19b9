using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Testing;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws.DynamoDb;

[Collection(AwsEmulatorsCollection.Name)]
public sealed class DynamoDbTableSetupTests(AwsEmulators emulators) : IDisposable
{
    private readonly AmazonDynamoDBClient _client = DynamoDbEmulatorClient.Create(emulators);
    private readonly string _tracking = "setup-tracking-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _suppression = "setup-suppression-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task EnsureTablesAsync_NewNames_CreatesTrackingTableWithItsIndexes()
    {
        await DynamoDbTableSetup.EnsureTablesAsync(_client, [_tracking], _suppression, CancellationToken.None);

        var table = (await _client.DescribeTableAsync(_tracking)).Table;
        Assert.Equal(TableStatus.ACTIVE, table.TableStatus);
        Assert.Equal(["pk", "sk"], table.KeySchema.Select(k => k.AttributeName));
        var indexes = table.GlobalSecondaryIndexes.ToDictionary(i => i.IndexName);
        Assert.Equal(["email", "timestamp"], indexes["EmailIndex"].KeySchema.Select(k => k.AttributeName));
        Assert.Equal(["monthYear", "timestamp"], indexes["MonthYearIndex"].KeySchema.Select(k => k.AttributeName));
        Assert.Equal(["sentDay", "sentKey"], indexes["SentDayIndex"].KeySchema.Select(k => k.AttributeName));
        Assert.Equal(ProjectionType.ALL, indexes["EmailIndex"].Projection.ProjectionType);
        Assert.Equal(ProjectionType.INCLUDE, indexes["SentDayIndex"].Projection.ProjectionType);
        Assert.Equal(
            ["campaignId", "expirationTime", "messageId", "sentAt", "sesEventType", "timestamp"],
            indexes["SentDayIndex"].Projection.NonKeyAttributes.Order(StringComparer.Ordinal));
        Assert.Equal(BillingMode.PAY_PER_REQUEST, table.BillingModeSummary?.BillingMode);
    }

    [Fact]
    public async Task EnsureTablesAsync_NewNames_CreatesSuppressionTable()
    {
        await DynamoDbTableSetup.EnsureTablesAsync(_client, [], _suppression, CancellationToken.None);

        var table = (await _client.DescribeTableAsync(_suppression)).Table;
        Assert.Equal(["email", "scope"], table.KeySchema.Select(k => k.AttributeName));
    }

    [Fact]
    public async Task EnsureTablesAsync_RunTwiceAndConcurrently_KeepsTheTablesAndTheirItems()
    {
        await DynamoDbTableSetup.EnsureTablesAsync(_client, [_tracking], _suppression, CancellationToken.None);
        var key = new Dictionary<string, AttributeValue> { ["pk"] = new() { S = "p" }, ["sk"] = new() { S = "s" } };
        await _client.PutItemAsync(_tracking, key);

        await Task.WhenAll(
            DynamoDbTableSetup.EnsureTablesAsync(_client, [_tracking, _tracking], _suppression, CancellationToken.None),
            DynamoDbTableSetup.EnsureTablesAsync(_client, [_tracking], _suppression, CancellationToken.None));

        var item = await _client.GetItemAsync(_tracking, key);
        Assert.True(item.IsItemSet);
    }

    [Fact]
    public async Task EnsureTablesAsync_MissingIndexTheEndpointCannotAdd_ThrowsNamingTheIndex()
    {
        // dynalite cannot add an index to an existing table; real DynamoDB can (see DynamoDbTableSetupIndexTests).
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = _tracking,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)],
            AttributeDefinitions =
            [
                new("pk", ScalarAttributeType.S),
                new("sk", ScalarAttributeType.S),
                new("email", ScalarAttributeType.S),
                new("timestamp", ScalarAttributeType.S),
            ],
            GlobalSecondaryIndexes =
            [
                new GlobalSecondaryIndex
                {
                    IndexName = "EmailIndex",
                    KeySchema = [new("email", KeyType.HASH), new("timestamp", KeyType.RANGE)],
                    Projection = new Projection { ProjectionType = ProjectionType.ALL },
                },
            ],
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => DynamoDbTableSetup.EnsureTablesAsync(_client, [_tracking], _suppression, CancellationToken.None));

        Assert.Contains("'MonthYearIndex'", error.Message, StringComparison.Ordinal);
        Assert.Contains(_tracking, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureTablesAsync_TableWithOtherKeys_ThrowsNamingTheKeys()
    {
        await _client.CreateTableAsync(new CreateTableRequest
        {
            TableName = _tracking,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new("messageId", KeyType.HASH)],
            AttributeDefinitions = [new("messageId", ScalarAttributeType.S)],
        });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => DynamoDbTableSetup.EnsureTablesAsync(_client, [_tracking], _suppression, CancellationToken.None));

        Assert.Contains(_tracking, error.Message, StringComparison.Ordinal);
        Assert.Contains("messageId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureTablesAsync_EndpointWithoutTtl_WarnsAndCarriesOn()
    {
        var logger = new FakeLogger();

        await DynamoDbTableSetup.EnsureTablesAsync(_client, [_tracking], _suppression, logger, CancellationToken.None);

        var warning = Assert.Single(logger.Collector.GetSnapshot(), r => r.Id.Name == "DynamoDbTtlUnsupported");
        Assert.Contains(_tracking, warning.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _client.Dispose();
}
