using System.Diagnostics;
using SesAnalytics.Bench.Http;

namespace SesAnalytics.Bench.Drain;

/// <summary>
/// Times one measurement and counts its calls from <see cref="Start"/> on, so that setting up services and tables
/// before it is neither timed nor counted.
/// </summary>
internal sealed class MeasurementClock(AwsCallCounter counter)
{
    private readonly Stopwatch _stopwatch = new();
    private CallCounts? _baseline;

    public AwsCallCounter Counter => counter;

    public void Start()
    {
        _baseline = counter.Snapshot();
        _stopwatch.Restart();
    }

    public (TimeSpan Elapsed, CallCounts Calls) Stop()
    {
        _stopwatch.Stop();
        var baseline = _baseline ?? throw new InvalidOperationException("The measurement stopped before it started.");
        return (_stopwatch.Elapsed, counter.Snapshot().Since(baseline));
    }
}
