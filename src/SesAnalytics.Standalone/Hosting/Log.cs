namespace SesAnalytics.Standalone.Hosting;

internal static partial class Log
{
    [LoggerMessage(EventId = 3000, EventName = "TimerFailed", Level = LogLevel.Error,
        Message = "Timer function {Function} failed")]
    public static partial void TimerFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(EventId = 3001, EventName = "TimerScheduled", Level = LogLevel.Information,
        Message = "Timer function {Function} runs on schedule '{Schedule}'")]
    public static partial void TimerScheduled(ILogger logger, string function, string schedule);

    [LoggerMessage(EventId = 3002, EventName = "FunctionFailed", Level = LogLevel.Error,
        Message = "HTTP function {Function} failed")]
    public static partial void FunctionFailed(ILogger logger, Exception exception, string function);

    [LoggerMessage(EventId = 3003, EventName = "TimerSkipped", Level = LogLevel.Information,
        Message = "Timer function {Function} has no pipeline to drain and is not scheduled")]
    public static partial void TimerSkipped(ILogger logger, string function);
}
