using Microsoft.Extensions.Logging;

namespace SesAnalytics.Core.Draining;

internal static partial class Log
{
    [LoggerMessage(EventId = 1100, EventName = "DrainCompleted", Level = LogLevel.Information,
        Message = "Drained {Pipeline}: {Received} received, {Stored} stored ({Events} events), {Ignored} ignored, " +
                  "{Invalid} invalid, {StoreFailures} refused by the store, {Batches} batches in {DurationMs} ms")]
    public static partial void DrainCompleted(
        ILogger logger,
        string pipeline,
        int received,
        int stored,
        int events,
        int ignored,
        int invalid,
        int storeFailures,
        int batches,
        long durationMs);

    [LoggerMessage(EventId = 1107, EventName = "QueueEmpty", Level = LogLevel.Debug,
        Message = "Drained {Pipeline}: the queue was empty ({DurationMs} ms)")]
    public static partial void QueueEmpty(ILogger logger, string pipeline, long durationMs);

    [LoggerMessage(EventId = 1101, EventName = "MessageIgnored", Level = LogLevel.Debug,
        Message = "Ignored queue message {QueueMessageId} on {Pipeline}: {Reason}")]
    public static partial void MessageIgnored(ILogger logger, string pipeline, string queueMessageId, string? reason);

    [LoggerMessage(EventId = 1102, EventName = "MessageInvalid", Level = LogLevel.Warning,
        Message = "Queue message {QueueMessageId} on {Pipeline} cannot be read (receive {ReceiveCount}); " +
                  "it stays on the queue for the dead-letter queue: {Reason}")]
    public static partial void MessageInvalid(
        ILogger logger,
        string pipeline,
        string queueMessageId,
        int receiveCount,
        string? reason);

    [LoggerMessage(EventId = 1103, EventName = "BatchStoreFailed", Level = LogLevel.Warning,
        Message = "Storing a batch of {Count} messages on {Pipeline} failed; storing them one by one")]
    public static partial void BatchStoreFailed(ILogger logger, Exception exception, string pipeline, int count);

    [LoggerMessage(EventId = 1104, EventName = "MessageStoreFailed", Level = LogLevel.Error,
        Message = "The store refused the events of queue message {QueueMessageId} on {Pipeline} (receive {ReceiveCount}); " +
                  "it stays on the queue")]
    public static partial void MessageStoreFailed(
        ILogger logger,
        Exception exception,
        string pipeline,
        string queueMessageId,
        int receiveCount);

    [LoggerMessage(EventId = 1105, EventName = "TimeBudgetReached", Level = LogLevel.Information,
        Message = "Drain of {Pipeline} reached its time budget of {BudgetSeconds} s; the rest waits for the next run")]
    public static partial void TimeBudgetReached(ILogger logger, string pipeline, double budgetSeconds);

    [LoggerMessage(EventId = 1106, EventName = "VisibilityExtended", Level = LogLevel.Debug,
        Message = "Kept {Count} messages of {Pipeline} invisible while their batch is stored")]
    public static partial void VisibilityExtended(ILogger logger, string pipeline, int count);
}
