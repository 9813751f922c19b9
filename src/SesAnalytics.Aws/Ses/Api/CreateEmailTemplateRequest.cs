namespace SesAnalytics.Aws.Ses.Api;

/// <summary>Body of <c>POST /v2/email/templates</c>.</summary>
internal sealed record CreateEmailTemplateRequest(string TemplateName, SesTemplateContent TemplateContent);
