namespace SesAnalytics.Core.Draining;

/// <summary>What one drain of one pipeline did.</summary>
/// <param name="Received">Queue messages received.</param>
/// <param name="Stored">Messages whose events were stored and that were deleted.</param>
/// <param name="Ignored">Messages that carry no event by design, deleted.</param>
/// <param name="Invalid">Messages that could not be read, left for the dead-letter queue.</param>
/// <param name="StoreFailures">Messages whose events the store refused, left on the queue.</param>
/// <param name="Events">Tracking events written.</param>
/// <param name="Batches">Receives that returned messages.</param>
/// <param name="Duration">Wall-clock time of the drain.</param>
public sealed record DrainReport(
    int Received,
    int Stored,
    int Ignored,
    int Invalid,
    int StoreFailures,
    int Events,
    int Batches,
    TimeSpan Duration);
