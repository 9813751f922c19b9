using System.Collections.Concurrent;

namespace SesAnalytics.Bench.Http;

/// <summary>
/// AWS calls seen at the HTTP layer, by operation (<c>AmazonSQS.ReceiveMessage</c>,
/// <c>ses POST /v2/email/outbound-emails</c>), and the time spent inside them (added delay included).
/// </summary>
internal sealed class AwsCallCounter
{
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);
    private long _inCallTicks;

    public void Count(string operation) => _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);

    /// <summary>Adds the wall-clock time one call took, from before its delay until its response.</summary>
    public void AddCallTime(TimeSpan elapsed) => Interlocked.Add(ref _inCallTicks, elapsed.Ticks);

    /// <summary>A copy of the counts so far; subtract two snapshots to count one phase.</summary>
    public CallCounts Snapshot() => new(
        new Dictionary<string, long>(_calls, StringComparer.Ordinal),
        TimeSpan.FromTicks(Interlocked.Read(ref _inCallTicks)));
}
