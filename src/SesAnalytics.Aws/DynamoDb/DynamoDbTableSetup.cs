using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static SesAnalytics.Aws.DynamoDb.TrackingSchema;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// Creates what the DynamoDB providers need when it is missing: the tracking tables (keys <c>pk</c>/<c>sk</c>,
/// indexes <c>EmailIndex</c>, <c>MonthYearIndex</c> and <c>SentDayIndex</c>, on-demand billing, TTL on
/// <c>expirationTime</c>) and the suppression list table (keys <c>email</c>/<c>scope</c>). Existing tables are kept;
/// a missing index is added. Safe to run again and from several processes at once.
/// </summary>
public static class DynamoDbTableSetup
{
    /// <summary>How long a table or index may take to become active.</summary>
    public static readonly TimeSpan ActiveTimeout = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    public static Task EnsureTablesAsync(
        IAmazonDynamoDB client,
        IEnumerable<string> tableNames,
        string suppressionTable,
        CancellationToken cancellationToken) =>
        EnsureTablesAsync(client, tableNames, suppressionTable, NullLogger.Instance, cancellationToken);

    public static async Task EnsureTablesAsync(
        IAmazonDynamoDB client,
        IEnumerable<string> tableNames,
        string suppressionTable,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tableNames);
        ArgumentException.ThrowIfNullOrWhiteSpace(suppressionTable);
        ArgumentNullException.ThrowIfNull(logger);
        foreach (var table in tableNames.Distinct(StringComparer.Ordinal))
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(table, nameof(tableNames));
            await EnsureTrackingTableAsync(client, table, logger, cancellationToken);
        }

        await EnsureTableAsync(
            client,
            SuppressionTableRequest(suppressionTable),
            DynamoDbSuppressionList.EmailAttribute,
            DynamoDbSuppressionList.ScopeAttribute,
            logger,
            cancellationToken);
    }

    private static async Task EnsureTrackingTableAsync(
        IAmazonDynamoDB client,
        string table,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var request = TrackingTableRequest(table);
        var description = await EnsureTableAsync(client, request, Pk, Sk, logger, cancellationToken);
        foreach (var index in request.GlobalSecondaryIndexes)
        {
            var existing = description.GlobalSecondaryIndexes?.FirstOrDefault(
                i => string.Equals(i.IndexName, index.IndexName, StringComparison.Ordinal));
            if (existing is not null)
            {
                CheckKeys(table, index.IndexName, existing.KeySchema, index.KeySchema[0].AttributeName, index.KeySchema[1].AttributeName);
                continue;
            }

            await AddIndexAsync(client, table, description, request, index, logger, cancellationToken);
            description = await WaitUntilActiveAsync(client, table, cancellationToken);
            if (description.GlobalSecondaryIndexes?.Any(i => string.Equals(i.IndexName, index.IndexName, StringComparison.Ordinal)) != true)
            {
                throw new InvalidOperationException(
                    $"DynamoDB table '{table}' has no index '{index.IndexName}' and the endpoint did not add it.");
            }
        }

        await EnsureTimeToLiveAsync(client, table, logger, cancellationToken);
    }

    private static async Task AddIndexAsync(
        IAmazonDynamoDB client,
        string table,
        TableDescription description,
        CreateTableRequest definition,
        GlobalSecondaryIndex index,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var create = new CreateGlobalSecondaryIndexAction
        {
            IndexName = index.IndexName,
            KeySchema = index.KeySchema,
            Projection = index.Projection,
        };
        if (description.BillingModeSummary?.BillingMode != BillingMode.PAY_PER_REQUEST
            && description.ProvisionedThroughput is { ReadCapacityUnits: > 0, WriteCapacityUnits: > 0 } throughput)
        {
            // A provisioned table's indexes need their own capacity: the table's is a fair start.
            create.ProvisionedThroughput = new ProvisionedThroughput
            {
                ReadCapacityUnits = throughput.ReadCapacityUnits,
                WriteCapacityUnits = throughput.WriteCapacityUnits,
            };
        }

        try
        {
            await client.UpdateTableAsync(
                new UpdateTableRequest
                {
                    TableName = table,
                    AttributeDefinitions = definition.AttributeDefinitions
                        .Where(a => index.KeySchema.Exists(k => string.Equals(k.AttributeName, a.AttributeName, StringComparison.Ordinal)))
                        .ToList(),
                    GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = create }],
                },
                cancellationToken);
            DynamoDbLog.IndexCreated(logger, table, index.IndexName);
        }
        catch (ResourceInUseException)
        {
            // Another process is changing the table (perhaps adding this index): wait and look again.
        }
        catch (AmazonDynamoDBException e)
        {
            throw new InvalidOperationException(
                $"Could not add index '{index.IndexName}' to DynamoDB table '{table}': {e.Message}",
                e);
        }
    }

    private static async Task<TableDescription> EnsureTableAsync(
        IAmazonDynamoDB client,
        CreateTableRequest request,
        string partitionKey,
        string sortKey,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        var table = request.TableName;
        if (await DescribeAsync(client, table, cancellationToken) is null)
        {
            try
            {
                await client.CreateTableAsync(request, cancellationToken);
                DynamoDbLog.TableCreated(logger, table);
            }
            catch (ResourceInUseException)
            {
                // Created by another process meanwhile.
            }
        }

        var description = await WaitUntilActiveAsync(client, table, cancellationToken);
        CheckKeys(table, null, description.KeySchema, partitionKey, sortKey);
        DynamoDbLog.TableReady(logger, table);
        return description;
    }

    private static async Task EnsureTimeToLiveAsync(
        IAmazonDynamoDB client,
        string table,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        try
        {
            var current = (await client.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = table }, cancellationToken))
                .TimeToLiveDescription;
            var status = current?.TimeToLiveStatus;
            if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING)
            {
                if (!string.Equals(current!.AttributeName, ExpirationTime, StringComparison.Ordinal))
                {
                    // A table has one TTL attribute; an operator's choice is not overridden.
                    DynamoDbLog.TtlOtherAttribute(logger, table, status.Value, current.AttributeName, ExpirationTime);
                }

                return;
            }

            await client.UpdateTimeToLiveAsync(
                new UpdateTimeToLiveRequest
                {
                    TableName = table,
                    TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = ExpirationTime, Enabled = true },
                },
                cancellationToken);
            DynamoDbLog.TtlEnabled(logger, table, ExpirationTime);
        }
        catch (AmazonDynamoDBException e) when (string.Equals(e.ErrorCode, "UnknownOperationException", StringComparison.Ordinal))
        {
            // Emulators such as dynalite have no TTL. The store never relies on it: reads hide expired records.
            DynamoDbLog.TtlUnsupported(logger, table);
        }
    }

    private static async Task<TableDescription?> DescribeAsync(IAmazonDynamoDB client, string table, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.DescribeTableAsync(new DescribeTableRequest { TableName = table }, cancellationToken)).Table;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private static async Task<TableDescription> WaitUntilActiveAsync(
        IAmazonDynamoDB client,
        string table,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ActiveTimeout);
        try
        {
            while (true)
            {
                var description = await DescribeAsync(client, table, timeout.Token);
                if (description is not null
                    && description.TableStatus == TableStatus.ACTIVE
                    && (description.GlobalSecondaryIndexes ?? []).All(i => i.IndexStatus == IndexStatus.ACTIVE))
                {
                    return description;
                }

                await Task.Delay(PollInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"DynamoDB table '{table}' and its indexes did not become active within {ActiveTimeout}.");
        }
    }

    private static void CheckKeys(string table, string? index, List<KeySchemaElement>? keys, string partitionKey, string sortKey)
    {
        var hash = keys?.FirstOrDefault(k => k.KeyType == KeyType.HASH)?.AttributeName;
        var range = keys?.FirstOrDefault(k => k.KeyType == KeyType.RANGE)?.AttributeName;
        if (!string.Equals(hash, partitionKey, StringComparison.Ordinal) || !string.Equals(range, sortKey, StringComparison.Ordinal))
        {
            var what = index is null ? $"DynamoDB table '{table}'" : $"Index '{index}' of DynamoDB table '{table}'";
            throw new InvalidOperationException(
                $"{what} has keys ({hash ?? "none"}, {range ?? "none"}); this app needs partition key '{partitionKey}' " +
                $"and sort key '{sortKey}' (strings). Use another table name or migrate the table.");
        }
    }

    private static CreateTableRequest TrackingTableRequest(string table) => new()
    {
        TableName = table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = Keys(Pk, Sk),
        AttributeDefinitions =
        [
            StringAttribute(Pk),
            StringAttribute(Sk),
            StringAttribute(Email),
            StringAttribute(Timestamp),
            StringAttribute(MonthYear),
            StringAttribute(SentDay),
            StringAttribute(SentKey),
        ],
        GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = EmailIndex,
                KeySchema = Keys(Email, Timestamp),
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
            new GlobalSecondaryIndex
            {
                IndexName = MonthYearIndex,
                KeySchema = Keys(MonthYear, Timestamp),
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
            new GlobalSecondaryIndex
            {
                IndexName = SentDayIndex,
                KeySchema = Keys(SentDay, SentKey),
                Projection = new Projection
                {
                    ProjectionType = ProjectionType.INCLUDE,
                    NonKeyAttributes = [.. SentDayProjection],
                },
            },
        ],
    };

    private static CreateTableRequest SuppressionTableRequest(string table) => new()
    {
        TableName = table,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = Keys(DynamoDbSuppressionList.EmailAttribute, DynamoDbSuppressionList.ScopeAttribute),
        AttributeDefinitions =
        [
            StringAttribute(DynamoDbSuppressionList.EmailAttribute),
            StringAttribute(DynamoDbSuppressionList.ScopeAttribute),
        ],
    };

    private static List<KeySchemaElement> Keys(string partitionKey, string sortKey) =>
    [
        new KeySchemaElement { AttributeName = partitionKey, KeyType = KeyType.HASH },
        new KeySchemaElement { AttributeName = sortKey, KeyType = KeyType.RANGE },
    ];

    private static AttributeDefinition StringAttribute(string name) =>
        new() { AttributeName = name, AttributeType = ScalarAttributeType.S };
}
