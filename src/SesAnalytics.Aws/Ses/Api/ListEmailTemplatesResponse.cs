namespace SesAnalytics.Aws.Ses.Api;

internal sealed record ListEmailTemplatesResponse(IReadOnlyList<EmailTemplateMetadata>? TemplatesMetadata, string? NextToken);
