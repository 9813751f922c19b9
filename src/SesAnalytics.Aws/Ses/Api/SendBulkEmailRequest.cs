namespace SesAnalytics.Aws.Ses.Api;

/// <summary>Body of <c>POST /v2/email/outbound-bulk-emails</c>.</summary>
internal sealed record SendBulkEmailRequest
{
    public required string FromEmailAddress { get; init; }

    public required SesEmailContent DefaultContent { get; init; }

    public required IReadOnlyList<BulkEmailEntry> BulkEmailEntries { get; init; }

    public IReadOnlyList<SesNameValue>? DefaultEmailTags { get; init; }

    public string? ConfigurationSetName { get; init; }
}
