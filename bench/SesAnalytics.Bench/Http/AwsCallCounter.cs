using System.Collections.Concurrent;

namespace SesAnalytics.Bench.Http;

/// <summary>
/// AWS calls seen at the HTTP layer, by operation (<c>AmazonSQS.ReceiveMessage</c>,
/// <c>ses POST /v2/email/outbound-emails</c>), and the time spent inside them (added delay included).
/// </summary>
internal sealed class AwsCallCounter
{
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _ticks = new(StringComparer.Ordinal);

    public void Count(string operation) => _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);

    /// <summary>Adds the wall-clock time one call took, from before its delay until its response.</summary>
    public void AddCallTime(string operation, TimeSpan elapsed) =>
        _ticks.AddOrUpdate(operation, elapsed.Ticks, (_, n) => n + elapsed.Ticks);

    /// <summary>A copy of the counts so far; subtract two snapshots to count one phase.</summary>
    public CallCounts Snapshot() => new(
        new Dictionary<string, long>(_calls, StringComparer.Ordinal),
        _ticks.ToDictionary(p => p.Key, p => TimeSpan.FromTicks(p.Value), StringComparer.Ordinal));
}
