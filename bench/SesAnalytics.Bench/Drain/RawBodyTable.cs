using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace SesAnalytics.Bench.Drain;

/// <summary>The table the two reference drains write raw bodies to: one item per queue message, keyed by its id.</summary>
internal static class RawBodyTable
{
    public const string Name = "bench-raw-bodies";

    public static async Task EnsureAsync(IAmazonDynamoDB dynamo, CancellationToken cancellationToken)
    {
        try
        {
            await dynamo.CreateTableAsync(
                new CreateTableRequest
                {
                    TableName = Name,
                    KeySchema = [new KeySchemaElement("id", KeyType.HASH)],
                    AttributeDefinitions = [new AttributeDefinition("id", ScalarAttributeType.S)],
                    BillingMode = BillingMode.PAY_PER_REQUEST,
                },
                cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Made by an earlier measurement of this run.
        }
    }

    public static Dictionary<string, AttributeValue> Item(string queueMessageId, string body) => new()
    {
        ["id"] = new AttributeValue { S = queueMessageId },
        ["body"] = new AttributeValue { S = body },
    };
}
