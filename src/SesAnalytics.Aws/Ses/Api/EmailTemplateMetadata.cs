namespace SesAnalytics.Aws.Ses.Api;

internal sealed record EmailTemplateMetadata(string? TemplateName);
