using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace SesAnalytics.Standalone.Hosting;

/// <summary>
/// Runs one timer function on its NCrontab schedule (six fields with seconds, or five), one invocation at a
/// time, as the Functions host does. A failed invocation is logged with its exception; the next one still runs.
/// </summary>
internal sealed class TimerFunctionService(
    TimerFunction function,
    CrontabSchedule schedule,
    IServiceProvider services,
    TimeProvider time,
    ILogger<TimerFunctionService> logger) : BackgroundService
{
    public static CrontabSchedule ParseSchedule(string function, string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var options = new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 };
        return CrontabSchedule.TryParse(expression, options)
            ?? throw new InvalidOperationException(
                $"Timer function {function}: '{expression}' is not a valid NCRONTAB schedule (six fields with seconds, or five).");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Log.TimerScheduled(logger, function.Name, schedule.ToString());
        var last = time.GetUtcNow().UtcDateTime;
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.GetNextOccurrence(last);
            var delay = next - time.GetUtcNow().UtcDateTime;
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, stoppingToken);
            }

            var timer = new TimerInfo
            {
                ScheduleStatus = new ScheduleStatus { Last = last, Next = schedule.GetNextOccurrence(next), LastUpdated = next },
            };
            last = next;
            try
            {
                await using var scope = services.CreateAsyncScope();
                await FunctionInvoker.InvokeAsync(scope.ServiceProvider, function.Method, p => FunctionInvoker.BindTimer(p, timer, stoppingToken));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.TimerFailed(logger, e, function.Name);
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (now > last)
            {
                // Runs missed while this one was busy are skipped, not queued up.
                last = now;
            }
        }
    }
}
