namespace SesAnalytics.Aws.Ses.Api;

/// <summary>Body of <c>PUT /v2/email/templates/{name}</c>.</summary>
internal sealed record UpdateEmailTemplateRequest(SesTemplateContent TemplateContent);
