namespace SesAnalytics.Aws.Ses.Api;

/// <summary>SES <c>EmailContent</c> (and <c>BulkEmailContent</c>); only templated content is sent.</summary>
internal sealed record SesEmailContent(SesTemplate Template);
