namespace SesAnalytics.Bench.Metrics;

/// <summary>GetCountsAsync latency on one store holding <see cref="Messages"/> tracked messages.</summary>
/// <param name="Store">The store, e.g. <c>dynamodb</c>.</param>
/// <param name="Messages">Tracked messages of the pipeline.</param>
/// <param name="Events">Tracking events stored for them.</param>
/// <param name="Load">How long storing them took.</param>
/// <param name="FirstMonth">The first call over the month after loading, which may build aggregates.</param>
/// <param name="Month">Over one calendar month, after warm-up.</param>
/// <param name="All">Over everything retained.</param>
/// <param name="AllAfterWrite">
/// Over everything, each call right after one new message sent today was stored, as while a drain is writing.
/// </param>
/// <param name="Probe">The backend's trivial call (<see cref="MetricsTarget.ProbeAsync"/>), when there is one.</param>
/// <param name="CallsPerQuery">AWS calls one GetCountsAsync makes (null for the embedded store).</param>
internal sealed record MetricsMeasurement(
    string Store,
    int Messages,
    long Events,
    TimeSpan Load,
    TimeSpan FirstMonth,
    LatencySample Month,
    LatencySample All,
    LatencySample AllAfterWrite,
    LatencySample? Probe,
    double? CallsPerQuery)
{
    public double LoadEventsPerSecond => Events / Load.TotalSeconds;
}
