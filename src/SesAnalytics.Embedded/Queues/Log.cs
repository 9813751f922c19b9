using Microsoft.Extensions.Logging;

namespace SesAnalytics.Embedded.Queues;

internal static partial class Log
{
    [LoggerMessage(EventId = 4030, EventName = "EmbeddedQueueSent", Level = LogLevel.Debug,
        Message = "Queued {Count} messages for pipeline {Pipeline}")]
    public static partial void MessagesSent(ILogger logger, string pipeline, int count);

    [LoggerMessage(EventId = 4031, EventName = "EmbeddedQueueDeleted", Level = LogLevel.Debug,
        Message = "Deleted {Deleted} of {Requested} messages from the queue of pipeline {Pipeline}")]
    public static partial void MessagesDeleted(ILogger logger, string pipeline, int deleted, int requested);

    [LoggerMessage(EventId = 4032, EventName = "EmbeddedQueueDeadLettered", Level = LogLevel.Warning,
        Message = "Moved {Count} messages of pipeline {Pipeline} to its dead-letter queue after {MaxReceiveCount} receives")]
    public static partial void MessagesDeadLettered(ILogger logger, string pipeline, int count, int maxReceiveCount);

    [LoggerMessage(EventId = 4033, EventName = "EmbeddedQueueRedriven", Level = LogLevel.Information,
        Message = "Moved {Count} dead-lettered messages back to the queue of pipeline {Pipeline}")]
    public static partial void DeadLettersRedriven(ILogger logger, string pipeline, int count);
}
