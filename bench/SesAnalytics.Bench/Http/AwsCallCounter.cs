using System.Collections.Concurrent;

namespace SesAnalytics.Bench.Http;

/// <summary>
/// AWS calls seen at the HTTP layer, by operation (<c>AmazonSQS.ReceiveMessage</c>,
/// <c>ses POST /v2/email/outbound-emails</c>).
/// </summary>
internal sealed class AwsCallCounter
{
    private readonly ConcurrentDictionary<string, long> _calls = new(StringComparer.Ordinal);

    public void Count(string operation) => _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);

    /// <summary>A copy of the counts so far; subtract two snapshots to count one phase.</summary>
    public CallCounts Snapshot() => new(new Dictionary<string, long>(_calls, StringComparer.Ordinal));
}
