namespace SesAnalytics.Aws.Ses.Api;

internal sealed record SendEmailResponse(string? MessageId);
