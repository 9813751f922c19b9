namespace SesAnalytics.Core.Draining;

/// <summary>
/// A drain left messages on the queue because the store refused them. The invocation fails so the platform
/// shows it; the messages are received again and reach the dead-letter queue if the failure persists.
/// </summary>
public sealed class DrainFailedException : Exception
{
    public DrainFailedException()
    {
    }

    public DrainFailedException(string message)
        : base(message)
    {
    }

    public DrainFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DrainReport? Report { get; init; }
}
