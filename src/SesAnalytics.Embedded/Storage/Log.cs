using Microsoft.Extensions.Logging;

namespace SesAnalytics.Embedded.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 4000, EventName = "EmbeddedDatabaseReady", Level = LogLevel.Debug,
        Message = "Embedded database ready at {Path}")]
    public static partial void DatabaseReady(ILogger logger, string path);
}
