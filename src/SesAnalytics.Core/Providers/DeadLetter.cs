namespace SesAnalytics.Core.Providers;

/// <summary>A message on a pipeline's dead-letter queue.</summary>
/// <param name="MessageId">The queue's id for the message.</param>
/// <param name="ReceiveCount">How often it was received before it was dead-lettered.</param>
/// <param name="Reason">Why the drain refused it, when it was recorded.</param>
/// <param name="Body">The body, only when asked for.</param>
public sealed record DeadLetter(string MessageId, int ReceiveCount, string? Reason, string? Body);
