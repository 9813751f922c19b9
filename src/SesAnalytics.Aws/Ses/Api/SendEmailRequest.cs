namespace SesAnalytics.Aws.Ses.Api;

/// <summary>Body of <c>POST /v2/email/outbound-emails</c>.</summary>
internal sealed record SendEmailRequest
{
    public required string FromEmailAddress { get; init; }

    public required SesDestination Destination { get; init; }

    public required SesEmailContent Content { get; init; }

    public IReadOnlyList<SesNameValue>? EmailTags { get; init; }

    public string? ConfigurationSetName { get; init; }
}
