namespace SesAnalytics.Core.Sending;

/// <summary>What happened to one recipient of a send request.</summary>
public sealed record SendOutcome(string Recipient, SendStatus Status, string? MessageId, string? Reason)
{
    public static SendOutcome Sent(string recipient, string messageId) =>
        new(recipient, SendStatus.Sent, messageId, null);

    public static SendOutcome Rejected(string recipient, string reason) =>
        new(recipient, SendStatus.Rejected, null, reason);

    public static SendOutcome Failed(string recipient, string reason) =>
        new(recipient, SendStatus.Failed, null, reason);
}
