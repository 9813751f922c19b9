using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using NSubstitute;
using SesAnalytics.Aws.DynamoDb;

namespace SesAnalytics.Tests.Aws.DynamoDb;

/// <summary>Adding a missing index to an existing table, as DynamoDB does it (the emulator cannot).</summary>
public sealed class DynamoDbTableSetupIndexTests
{
    private readonly IAmazonDynamoDB _client = Substitute.For<IAmazonDynamoDB>();
    private readonly List<string> _indexes = ["EmailIndex", "MonthYearIndex"];
    private readonly List<UpdateTableRequest> _updates = [];

    public DynamoDbTableSetupIndexTests()
    {
        _client.DescribeTableAsync(Arg.Any<DescribeTableRequest>(), Arg.Any<CancellationToken>())
            .Returns(call => Task.FromResult(new DescribeTableResponse { Table = Describe(call.Arg<DescribeTableRequest>().TableName) }));
        _client.UpdateTableAsync(Arg.Any<UpdateTableRequest>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var update = call.Arg<UpdateTableRequest>();
            _updates.Add(update);
            _indexes.Add(update.GlobalSecondaryIndexUpdates[0].Create.IndexName);
            return Task.FromResult(new UpdateTableResponse());
        });
        _client.DescribeTimeToLiveAsync(Arg.Any<DescribeTimeToLiveRequest>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromResult(new DescribeTimeToLiveResponse
            {
                TimeToLiveDescription = new TimeToLiveDescription
                {
                    TimeToLiveStatus = TimeToLiveStatus.ENABLED,
                    AttributeName = "expirationTime",
                },
            }));
    }

    [Fact]
    public async Task EnsureTablesAsync_OnDemandTableWithoutSentDayIndex_AddsItWithoutCapacity()
    {
        await DynamoDbTableSetup.EnsureTablesAsync(_client, ["tracking"], "suppression", CancellationToken.None);

        var update = Assert.Single(_updates);
        var create = update.GlobalSecondaryIndexUpdates[0].Create;
        Assert.Equal("tracking", update.TableName);
        Assert.Equal("SentDayIndex", create.IndexName);
        Assert.Equal(["sentDay", "sentKey"], create.KeySchema.Select(k => k.AttributeName));
        Assert.Equal(["sentDay", "sentKey"], update.AttributeDefinitions.Select(a => a.AttributeName));
        Assert.Equal(ProjectionType.INCLUDE, create.Projection.ProjectionType);
        Assert.Null(create.ProvisionedThroughput);
        await _client.DidNotReceive().CreateTableAsync(Arg.Any<CreateTableRequest>(), Arg.Any<CancellationToken>());
        await _client.DidNotReceive().UpdateTimeToLiveAsync(Arg.Any<UpdateTimeToLiveRequest>(), Arg.Any<CancellationToken>());
    }

    private TableDescription Describe(string table) => new()
    {
        TableName = table,
        TableStatus = TableStatus.ACTIVE,
        BillingModeSummary = new BillingModeSummary { BillingMode = BillingMode.PAY_PER_REQUEST },
        KeySchema = table == "tracking"
            ? [new("pk", KeyType.HASH), new("sk", KeyType.RANGE)]
            : [new("email", KeyType.HASH), new("scope", KeyType.RANGE)],
        GlobalSecondaryIndexes = table == "tracking"
            ? _indexes.Select(name => new GlobalSecondaryIndexDescription
            {
                IndexName = name,
                IndexStatus = IndexStatus.ACTIVE,
                KeySchema = name switch
                {
                    "EmailIndex" => [new("email", KeyType.HASH), new("timestamp", KeyType.RANGE)],
                    "MonthYearIndex" => [new("monthYear", KeyType.HASH), new("timestamp", KeyType.RANGE)],
                    _ => [new("sentDay", KeyType.HASH), new("sentKey", KeyType.RANGE)],
                },
            }).ToList()
            : null,
    };
}
