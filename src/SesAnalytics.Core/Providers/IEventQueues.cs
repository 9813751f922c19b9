namespace SesAnalytics.Core.Providers;

/// <summary>
/// The pipelines' event queues (SQS's role), each named by its pipeline id. Received messages stay invisible for the visibility timeout and
/// come back unless deleted; after the configured number of receives the queue moves a message to its
/// dead-letter queue.
/// </summary>
public interface IEventQueues
{
    /// <summary>Receives up to <paramref name="maxMessages"/> (1 to 10), waiting up to <paramref name="wait"/>.</summary>
    Task<IReadOnlyList<QueueMessage>> ReceiveAsync(
        string pipeline,
        int maxMessages,
        TimeSpan wait,
        CancellationToken cancellationToken);

    /// <summary>Deletes messages whose events are stored.</summary>
    Task DeleteAsync(string pipeline, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken);

    /// <summary>Keeps messages invisible for <paramref name="visibility"/> more, while a slow batch is stored.</summary>
    Task ExtendVisibilityAsync(
        string pipeline,
        IReadOnlyList<QueueMessage> messages,
        TimeSpan visibility,
        CancellationToken cancellationToken);

    /// <summary>
    /// Records why a message could not be stored, so a dead-letter listing can show it. The message itself is
    /// left on the queue for redrive.
    /// </summary>
    Task RecordFailureAsync(string pipeline, QueueMessage message, string reason, CancellationToken cancellationToken);

    /// <summary>Puts bodies on the queue (replay, backfill, the embedded sender's events).</summary>
    Task SendAsync(string pipeline, IReadOnlyList<string> bodies, CancellationToken cancellationToken);

    Task<QueueStatus> GetStatusAsync(string pipeline, CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(
        string pipeline,
        int maxMessages,
        bool includeBodies,
        CancellationToken cancellationToken);

    /// <summary>Moves dead-lettered messages back onto the main queue; returns how many moved.</summary>
    Task<int> RedriveDeadLettersAsync(string pipeline, CancellationToken cancellationToken);
}
