namespace SesAnalytics.Core.Providers;

/// <summary>A message received from a pipeline's event queue.</summary>
/// <param name="MessageId">The queue's id for the message (never the SES message id).</param>
/// <param name="Body">The raw body: an SNS envelope or an SES document.</param>
/// <param name="ReceiptHandle">What deletes or extends this receive of the message.</param>
/// <param name="ReceiveCount">How many times the queue has handed the message out, this time included.</param>
/// <param name="SentAt">When the message entered the queue.</param>
public sealed record QueueMessage(
    string MessageId,
    string Body,
    string ReceiptHandle,
    int ReceiveCount,
    DateTimeOffset SentAt);
