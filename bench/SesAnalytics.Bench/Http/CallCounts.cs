namespace SesAnalytics.Bench.Http;

/// <summary>Calls per operation over some span of a run, and the time spent inside them, summed over all callers.</summary>
internal sealed record CallCounts(IReadOnlyDictionary<string, long> ByOperation, IReadOnlyDictionary<string, TimeSpan> TimeByOperation)
{
    public static CallCounts None { get; } = new(
        new Dictionary<string, long>(StringComparer.Ordinal),
        new Dictionary<string, TimeSpan>(StringComparer.Ordinal));

    public long Total => ByOperation.Values.Sum();

    public TimeSpan InCalls => TimeByOperation.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t);

    public CallCounts Since(CallCounts earlier) => new(
        ByOperation
            .Select(p => (p.Key, Count: p.Value - earlier.ByOperation.GetValueOrDefault(p.Key)))
            .Where(p => p.Count > 0)
            .ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal),
        TimeByOperation
            .Select(p => (p.Key, Time: p.Value - earlier.TimeByOperation.GetValueOrDefault(p.Key)))
            .Where(p => p.Time > TimeSpan.Zero)
            .ToDictionary(p => p.Key, p => p.Time, StringComparer.Ordinal));

    public CallCounts Plus(CallCounts other) => new(
        ByOperation.Keys.Union(other.ByOperation.Keys)
            .ToDictionary(
                key => key,
                key => ByOperation.GetValueOrDefault(key) + other.ByOperation.GetValueOrDefault(key),
                StringComparer.Ordinal),
        TimeByOperation.Keys.Union(other.TimeByOperation.Keys)
            .ToDictionary(
                key => key,
                key => TimeByOperation.GetValueOrDefault(key) + other.TimeByOperation.GetValueOrDefault(key),
                StringComparer.Ordinal));

    /// <summary>
    /// Operations with their counts and mean time per call, most frequent first, e.g.
    /// <c>ReceiveMessage 2002 (21.3 ms), BatchWriteItem 2000 (24.8 ms)</c>.
    /// </summary>
    public string Describe() => ByOperation.Count == 0
        ? "none"
        : string.Join(
            ", ",
            ByOperation.OrderByDescending(p => p.Value).Select(p =>
                $"{ShortName(p.Key)} {p.Value} ({TimeByOperation.GetValueOrDefault(p.Key).TotalMilliseconds / p.Value:F1} ms)"));

    private static string ShortName(string operation)
    {
        var dot = operation.LastIndexOf('.');
        return dot < 0 ? operation : operation[(dot + 1)..];
    }
}
