using SesAnalytics.Core.Providers;

namespace SesAnalytics.Tests.Robustness;

/// <summary>
/// Event queues whose first <paramref name="crashes"/> deletes throw before reaching the queue: what a process that
/// stops after storing a batch and before deleting it leaves behind. Everything else passes through.
/// </summary>
public sealed class CrashingDeleteQueues(IEventQueues inner, int crashes = 1) : IEventQueues
{
    private int _remaining = crashes;

    public int Crashed { get; private set; }

    public Task<IReadOnlyList<QueueMessage>> ReceiveAsync(
        string pipeline,
        int maxMessages,
        TimeSpan wait,
        CancellationToken cancellationToken) =>
        inner.ReceiveAsync(pipeline, maxMessages, wait, cancellationToken);

    public Task DeleteAsync(string pipeline, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken)
    {
        if (Interlocked.Decrement(ref _remaining) >= 0)
        {
            Crashed++;
            throw new InjectedFaultException("The process stopped after storing the batch and before deleting it.");
        }

        return inner.DeleteAsync(pipeline, messages, cancellationToken);
    }

    public Task ExtendVisibilityAsync(
        string pipeline,
        IReadOnlyList<QueueMessage> messages,
        TimeSpan visibility,
        CancellationToken cancellationToken) =>
        inner.ExtendVisibilityAsync(pipeline, messages, visibility, cancellationToken);

    public Task RecordFailureAsync(string pipeline, QueueMessage message, string reason, CancellationToken cancellationToken) =>
        inner.RecordFailureAsync(pipeline, message, reason, cancellationToken);

    public Task SendAsync(string pipeline, IReadOnlyList<string> bodies, CancellationToken cancellationToken) =>
        inner.SendAsync(pipeline, bodies, cancellationToken);

    public Task<QueueStatus> GetStatusAsync(string pipeline, CancellationToken cancellationToken) =>
        inner.GetStatusAsync(pipeline, cancellationToken);

    public Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(
        string pipeline,
        int maxMessages,
        bool includeBodies,
        CancellationToken cancellationToken) =>
        inner.ListDeadLettersAsync(pipeline, maxMessages, includeBodies, cancellationToken);

    public Task<int> RedriveDeadLettersAsync(string pipeline, CancellationToken cancellationToken) =>
        inner.RedriveDeadLettersAsync(pipeline, cancellationToken);
}
