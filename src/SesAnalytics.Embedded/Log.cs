using Microsoft.Extensions.Logging;

namespace SesAnalytics.Embedded;

internal static partial class Log
{
    [LoggerMessage(EventId = 4070, EventName = "EmbeddedSigningKeyCreated", Level = LogLevel.Information,
        Message = "Created a new signing key at {Path}")]
    public static partial void SigningKeyCreated(ILogger logger, string path);

    [LoggerMessage(EventId = 4071, EventName = "EmbeddedEngagementPublished", Level = LogLevel.Information,
        Message = "Published a simulated {EventType} for message {MessageId} of pipeline {Pipeline}")]
    public static partial void EngagementPublished(ILogger logger, string eventType, string messageId, string pipeline);
}
