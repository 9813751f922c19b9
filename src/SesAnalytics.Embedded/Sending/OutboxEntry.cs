namespace SesAnalytics.Embedded.Sending;

/// <summary>A message the embedded SES sent: enough to publish its later events (opens, clicks).</summary>
/// <param name="Mail">The <c>mail</c> object of its events, as JSON.</param>
/// <param name="FirstLink">The first http(s) link of its HTML part, if any.</param>
internal sealed record OutboxEntry(
    string MessageId,
    string Pipeline,
    string Recipient,
    string Mail,
    string? FirstLink,
    DateTimeOffset SentAt);
