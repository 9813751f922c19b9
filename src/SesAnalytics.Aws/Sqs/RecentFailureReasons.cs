namespace SesAnalytics.Aws.Sqs;

/// <summary>
/// The latest reasons why messages could not be stored, by pipeline and queue message id, bounded in size
/// (the oldest reason is forgotten first).
/// </summary>
internal sealed class RecentFailureReasons(int capacity)
{
    private readonly Dictionary<(string Pipeline, string MessageId), string> _reasons = [];
    private readonly Queue<(string Pipeline, string MessageId)> _order = new();
    private readonly Lock _lock = new();

    public void Record(string pipeline, string messageId, string reason)
    {
        lock (_lock)
        {
            var key = (pipeline, messageId);
            if (!_reasons.ContainsKey(key))
            {
                _order.Enqueue(key);
            }

            _reasons[key] = reason;
            while (_reasons.Count > capacity && _order.TryDequeue(out var oldest))
            {
                _reasons.Remove(oldest);
            }
        }
    }

    public string? Find(string pipeline, string messageId)
    {
        lock (_lock)
        {
            return _reasons.GetValueOrDefault((pipeline, messageId));
        }
    }

    public void Forget(string pipeline, string messageId)
    {
        lock (_lock)
        {
            // The key stays in the order queue until it is dequeued; removing a missing key is harmless then.
            _reasons.Remove((pipeline, messageId));
        }
    }
}
