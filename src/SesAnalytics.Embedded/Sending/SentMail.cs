namespace SesAnalytics.Embedded.Sending;

/// <summary>What SES reports about a sent message in the <c>mail</c> object of each of its events.</summary>
internal sealed record SentMail(
    string MessageId,
    DateTimeOffset Timestamp,
    string Source,
    string Destination,
    string Subject,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string ConfigurationSet,
    IReadOnlyDictionary<string, string> Tags);
