using System.Collections.Concurrent;

namespace SesAnalytics.Tests.Aws.DynamoDb;

/// <summary>DynamoDB requests seen by a client, by operation (<c>BatchWriteItem</c>, <c>Query</c>, ...).</summary>
internal sealed class DynamoDbCallCounter
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

    public int this[string operation] => _calls.GetValueOrDefault(operation);

    public int Total => _calls.Values.Sum();

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_calls, StringComparer.Ordinal);

    public void Reset() => _calls.Clear();

    public void Record(string operation) => _calls.AddOrUpdate(operation, 1, (_, count) => count + 1);
}
