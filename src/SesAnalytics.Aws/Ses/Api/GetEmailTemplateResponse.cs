namespace SesAnalytics.Aws.Ses.Api;

internal sealed record GetEmailTemplateResponse(string? TemplateName, SesTemplateContent? TemplateContent);
