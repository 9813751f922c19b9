namespace SesAnalytics.Tests.Robustness;

/// <summary>Queue behaviour a scenario needs: short timeouts so redelivery and dead-lettering happen within a test.</summary>
/// <param name="MaxReceiveCount">Receives before a message moves to the dead-letter queue.</param>
/// <param name="VisibilityTimeout">
/// At least 2 s: the drain keeps a batch invisible by extending it every third of its (5 s minimum) extension, so a
/// shorter timeout could hand a batch out twice while it is being stored.
/// </param>
public sealed record ProviderSetOptions(int MaxReceiveCount = 5, TimeSpan? VisibilityTimeout = null)
{
    public TimeSpan Visibility => VisibilityTimeout ?? TimeSpan.FromSeconds(2);
}
