using Microsoft.Extensions.Logging;

namespace SesAnalytics.Embedded.Tracking;

internal static partial class Log
{
    [LoggerMessage(EventId = 4010, EventName = "EmbeddedEventsStored", Level = LogLevel.Debug,
        Message = "Stored events for pipeline {Pipeline}: {Received} received, {Inserted} new, {Expired} already past retention")]
    public static partial void EventsStored(ILogger logger, string pipeline, int received, int inserted, int expired);

    [LoggerMessage(EventId = 4011, EventName = "EmbeddedExpiredPurged", Level = LogLevel.Information,
        Message = "Purged expired tracking data: {Records} records, {Messages} message summaries")]
    public static partial void ExpiredPurged(ILogger logger, int records, int messages);
}
