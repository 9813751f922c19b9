namespace SesAnalytics.Core.Sending;

/// <summary>One SES message to one recipient, with everything its pipeline requires it to carry.</summary>
public sealed record OutgoingEmail
{
    public required string Pipeline { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public required string ConfigurationSet { get; init; }

    public required EmailContent Content { get; init; }

    /// <summary>SES message tags, the <c>campaign</c> tag always among them.</summary>
    public required IReadOnlyDictionary<string, string> Tags { get; init; }

    /// <summary>Extra headers, e.g. <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
