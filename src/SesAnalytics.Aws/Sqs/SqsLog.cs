using Microsoft.Extensions.Logging;

namespace SesAnalytics.Aws.Sqs;

/// <summary>Log messages of the SQS event queues (event ids 3200–3299): ids and counts, never bodies.</summary>
internal static partial class SqsLog
{
    [LoggerMessage(
        EventId = 3201,
        EventName = "SqsReceived",
        Level = LogLevel.Debug,
        Message = "Received {Count} messages from the queue of pipeline {Pipeline}")]
    public static partial void Received(ILogger logger, int count, string pipeline);

    [LoggerMessage(
        EventId = 3202,
        EventName = "SqsDeleteFailed",
        Level = LogLevel.Warning,
        Message = "Could not delete message {MessageId} of pipeline {Pipeline} ({Code}); it will be received again")]
    public static partial void DeleteFailed(ILogger logger, string messageId, string pipeline, string code);

    [LoggerMessage(
        EventId = 3203,
        EventName = "SqsVisibilityChangeFailed",
        Level = LogLevel.Warning,
        Message = "Could not change the visibility of message {MessageId} of pipeline {Pipeline} ({Code})")]
    public static partial void VisibilityChangeFailed(ILogger logger, string messageId, string pipeline, string code);

    [LoggerMessage(
        EventId = 3204,
        EventName = "SqsFailureRecorded",
        Level = LogLevel.Debug,
        Message = "Recorded why message {MessageId} of pipeline {Pipeline} could not be stored")]
    public static partial void FailureRecorded(ILogger logger, string messageId, string pipeline);

    [LoggerMessage(
        EventId = 3205,
        EventName = "SqsDeadLettersRedriven",
        Level = LogLevel.Information,
        Message = "Moved {Count} dead letters of pipeline {Pipeline} back to its queue; {Left} could not be moved")]
    public static partial void DeadLettersRedriven(ILogger logger, int count, string pipeline, int left);

    [LoggerMessage(
        EventId = 3206,
        EventName = "SqsRedriveSendFailed",
        Level = LogLevel.Warning,
        Message = "Could not move dead letter {MessageId} of pipeline {Pipeline} back ({Code}); it stays on the dead-letter queue")]
    public static partial void RedriveSendFailed(ILogger logger, string messageId, string pipeline, string code);

    [LoggerMessage(
        EventId = 3207,
        EventName = "SqsSent",
        Level = LogLevel.Debug,
        Message = "Put {Count} messages on the queue of pipeline {Pipeline}")]
    public static partial void Sent(ILogger logger, int count, string pipeline);
}
