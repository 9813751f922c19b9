namespace SesAnalytics.Core.Sending;

/// <summary>What happened to one recipient of a send request.</summary>
public sealed record SendOutcome(string Recipient, SendStatus Status, string? MessageId, string? Reason)
{
    /// <summary>When the provider accepted the message (SES's <c>mail.timestamp</c> where it is known).</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>For <see cref="SendStatus.Suppressed"/>: since when the address is suppressed.</summary>
    public DateTimeOffset? SuppressedSince { get; init; }

    public static SendOutcome Sent(string recipient, string messageId) =>
        new(recipient, SendStatus.Sent, messageId, null);

    public static SendOutcome Rejected(string recipient, string reason) =>
        new(recipient, SendStatus.Rejected, null, reason);

    public static SendOutcome Failed(string recipient, string reason) =>
        new(recipient, SendStatus.Failed, null, reason);
}
