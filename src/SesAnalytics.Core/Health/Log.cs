using Microsoft.Extensions.Logging;

namespace SesAnalytics.Core.Health;

internal static partial class Log
{
    [LoggerMessage(EventId = 1400, EventName = "PipelineQuiet", Level = LogLevel.Warning,
        Message = "Pipeline {Pipeline} is quiet: sends but no delivery, bounce or other outcome for {QuietMinutes} minutes; " +
                  "check the configuration set's event destination and the drain")]
    public static partial void PipelineQuiet(ILogger logger, string pipeline, double quietMinutes);

    [LoggerMessage(EventId = 1401, EventName = "PipelineUnhealthy", Level = LogLevel.Warning,
        Message = "Pipeline {Pipeline} is unhealthy: {Problems}")]
    public static partial void PipelineUnhealthy(ILogger logger, string pipeline, string problems);

    [LoggerMessage(EventId = 1402, EventName = "ProbeFailed", Level = LogLevel.Error,
        Message = "Health probe of the {Component} of pipeline {Pipeline} failed")]
    public static partial void ProbeFailed(ILogger logger, Exception exception, string pipeline, string component);
}
