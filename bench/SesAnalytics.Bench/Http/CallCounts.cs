namespace SesAnalytics.Bench.Http;

/// <summary>Calls per operation over some span of a run, and the time spent inside them, summed over all callers.</summary>
internal sealed record CallCounts(IReadOnlyDictionary<string, long> ByOperation, TimeSpan InCalls)
{
    public static CallCounts None { get; } = new(new Dictionary<string, long>(StringComparer.Ordinal), TimeSpan.Zero);

    public long Total => ByOperation.Values.Sum();

    public CallCounts Since(CallCounts earlier) => new(
        ByOperation
            .Select(p => (p.Key, Count: p.Value - earlier.ByOperation.GetValueOrDefault(p.Key)))
            .Where(p => p.Count > 0)
            .ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal),
        InCalls - earlier.InCalls);

    public CallCounts Plus(CallCounts other) => new(
        ByOperation.Keys.Union(other.ByOperation.Keys)
            .ToDictionary(
                key => key,
                key => ByOperation.GetValueOrDefault(key) + other.ByOperation.GetValueOrDefault(key),
                StringComparer.Ordinal),
        InCalls + other.InCalls);

    /// <summary>Operations with their counts, most frequent first, e.g. <c>ReceiveMessage 2001, BatchWriteItem 2000</c>.</summary>
    public string Describe() => ByOperation.Count == 0
        ? "none"
        : string.Join(", ", ByOperation.OrderByDescending(p => p.Value).Select(p => $"{ShortName(p.Key)} {p.Value}"));

    private static string ShortName(string operation)
    {
        var dot = operation.LastIndexOf('.');
        return dot < 0 ? operation : operation[(dot + 1)..];
    }
}
