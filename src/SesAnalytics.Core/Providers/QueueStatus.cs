namespace SesAnalytics.Core.Providers;

/// <summary>A queue's depth as its provider reports it; approximate on SQS.</summary>
/// <param name="Visible">Messages waiting to be received.</param>
/// <param name="InFlight">Messages received and not yet deleted or returned.</param>
/// <param name="OldestAge">Age of the oldest waiting message; null when the queue is empty or cannot tell.</param>
/// <param name="DeadLetters">Messages on the dead-letter queue.</param>
public sealed record QueueStatus(long Visible, long InFlight, TimeSpan? OldestAge, long DeadLetters);
