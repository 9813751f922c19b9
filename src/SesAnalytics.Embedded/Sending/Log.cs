using Microsoft.Extensions.Logging;

namespace SesAnalytics.Embedded.Sending;

internal static partial class Log
{
    [LoggerMessage(EventId = 4050, EventName = "EmbeddedEmailSent", Level = LogLevel.Debug,
        Message = "Embedded SES sent message {MessageId} to {Recipient} for pipeline {Pipeline}")]
    public static partial void EmailSent(ILogger logger, string pipeline, string messageId, string recipient);

    [LoggerMessage(EventId = 4051, EventName = "EmbeddedEmailRejected", Level = LogLevel.Information,
        Message = "Embedded SES rejected the email to {Recipient} for pipeline {Pipeline}: {Reason}")]
    public static partial void EmailRejected(ILogger logger, string pipeline, string recipient, string reason);

    [LoggerMessage(EventId = 4052, EventName = "EmbeddedEmailFailed", Level = LogLevel.Error,
        Message = "Embedded SES could not send the email to {Recipient} for pipeline {Pipeline}")]
    public static partial void EmailFailed(ILogger logger, Exception exception, string pipeline, string recipient);

    [LoggerMessage(EventId = 4053, EventName = "EmbeddedEmailNoConfigurationSet", Level = LogLevel.Warning,
        Message = "Message {MessageId} of pipeline {Pipeline} has no configuration set, so no events are published for it")]
    public static partial void NoConfigurationSet(ILogger logger, string pipeline, string messageId);
}
