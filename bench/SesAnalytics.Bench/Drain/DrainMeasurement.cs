using SesAnalytics.Bench.Http;

namespace SesAnalytics.Bench.Drain;

/// <summary>One way of moving a queue's messages into a table, measured.</summary>
/// <param name="Mode">What moved them: the drain, the transport ceiling or the naive drain.</param>
/// <param name="Messages">Queue messages moved.</param>
/// <param name="Events">Tracking events those messages carry.</param>
/// <param name="Elapsed">From the first receive until the queue was empty.</param>
/// <param name="Calls">AWS calls made meanwhile, by operation.</param>
internal sealed record DrainMeasurement(string Mode, int Messages, int Events, TimeSpan Elapsed, CallCounts Calls)
{
    /// <summary>Two measurements of one mode as one: counts, times and calls added.</summary>
    public static DrainMeasurement Sum(DrainMeasurement? first, DrainMeasurement second) => first is null
        ? second
        : new DrainMeasurement(
            second.Mode,
            first.Messages + second.Messages,
            first.Events + second.Events,
            first.Elapsed + second.Elapsed,
            first.Calls.Plus(second.Calls));

    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double MessagesPerSecond => Messages / Elapsed.TotalSeconds;

    public double CallsPerThousandEvents => Calls.Total * 1000.0 / Events;

    public double CallsPerThousandMessages => Calls.Total * 1000.0 / Messages;

    /// <summary>
    /// Share of the receivers' time spent outside AWS calls (reading, building requests, waiting for a thread):
    /// 1 - time in calls / (elapsed x receivers).
    /// </summary>
    public double OutsideCallsShare(int receivers) => 1 - (Calls.InCalls / (Elapsed * receivers));
}
