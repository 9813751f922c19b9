namespace SesAnalytics.Bench.Metrics;

/// <summary>Latencies of repeated calls: median and 95th percentile, in milliseconds.</summary>
internal sealed record LatencySample(double MedianMs, double P95Ms, int Calls)
{
    public static LatencySample From(IReadOnlyList<TimeSpan> latencies)
    {
        var sorted = latencies.Select(l => l.TotalMilliseconds).Order().ToArray();
        return new LatencySample(
            sorted[sorted.Length / 2],
            sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(sorted.Length * 0.95) - 1)],
            sorted.Length);
    }

    public override string ToString() => $"median {MedianMs:F2} ms, p95 {P95Ms:F2} ms";
}
