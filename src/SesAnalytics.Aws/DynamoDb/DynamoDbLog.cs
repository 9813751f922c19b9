using Microsoft.Extensions.Logging;

namespace SesAnalytics.Aws.DynamoDb;

internal static partial class DynamoDbLog
{
    [LoggerMessage(EventId = 3301, EventName = "DynamoDbBatchRetry", Level = LogLevel.Warning,
        Message = "DynamoDB left {Unprocessed} item(s) of table {Table} unprocessed; attempt {Attempt} follows in {DelayMs} ms")]
    public static partial void BatchRetry(ILogger logger, string table, int unprocessed, int attempt, double delayMs);

    [LoggerMessage(EventId = 3302, EventName = "DynamoDbEventsStored", Level = LogLevel.Debug,
        Message = "Stored {Events} event(s) in table {Table} with {Calls} batch write call(s)")]
    public static partial void EventsStored(ILogger logger, string table, int events, int calls);

    [LoggerMessage(EventId = 3303, EventName = "DynamoDbDayCounted", Level = LogLevel.Debug,
        Message = "Counted {Messages} message(s) sent on {Day} in table {Table} ({Campaigns} campaign(s)) in {ElapsedMs} ms")]
    public static partial void DayCounted(ILogger logger, string table, string day, int messages, int campaigns, double elapsedMs);

    [LoggerMessage(EventId = 3304, EventName = "DynamoDbTableCreated", Level = LogLevel.Information,
        Message = "Created DynamoDB table {Table}")]
    public static partial void TableCreated(ILogger logger, string table);

    [LoggerMessage(EventId = 3305, EventName = "DynamoDbIndexCreated", Level = LogLevel.Information,
        Message = "Added index {Index} to DynamoDB table {Table}")]
    public static partial void IndexCreated(ILogger logger, string table, string index);

    [LoggerMessage(EventId = 3306, EventName = "DynamoDbTtlEnabled", Level = LogLevel.Information,
        Message = "Enabled TTL on attribute {Attribute} of DynamoDB table {Table}")]
    public static partial void TtlEnabled(ILogger logger, string table, string attribute);

    [LoggerMessage(EventId = 3307, EventName = "DynamoDbTtlUnsupported", Level = LogLevel.Warning,
        Message = "The DynamoDB endpoint does not support TTL (table {Table}): expired records stay stored, and reads still hide them")]
    public static partial void TtlUnsupported(ILogger logger, string table);

    [LoggerMessage(EventId = 3308, EventName = "DynamoDbTtlOtherAttribute", Level = LogLevel.Warning,
        Message = "TTL of DynamoDB table {Table} is {Status} on attribute {Attribute}, not {Expected}: only reads hide expired records")]
    public static partial void TtlOtherAttribute(ILogger logger, string table, string? status, string? attribute, string expected);

    [LoggerMessage(EventId = 3309, EventName = "DynamoDbTableReady", Level = LogLevel.Debug,
        Message = "DynamoDB table {Table} is active")]
    public static partial void TableReady(ILogger logger, string table);

    [LoggerMessage(EventId = 3310, EventName = "DynamoDbSuppressionChanged", Level = LogLevel.Debug,
        Message = "Suppression list table {Table}: {Change} for scope {Scope}")]
    public static partial void SuppressionChanged(ILogger logger, string table, string change, string scope);
}
