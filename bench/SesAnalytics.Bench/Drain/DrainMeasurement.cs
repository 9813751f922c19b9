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
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;

    public double MessagesPerSecond => Messages / Elapsed.TotalSeconds;

    public double CallsPerThousandEvents => Calls.Total * 1000.0 / Events;

    public double CallsPerThousandMessages => Calls.Total * 1000.0 / Messages;
}
