namespace SesAnalytics.Aws.Ses.Api;

/// <summary>SES's answer for one bulk entry: <c>Status</c> is <c>SUCCESS</c> or an error status such as <c>MESSAGE_REJECTED</c>.</summary>
internal sealed record BulkEmailEntryResult(string? Status, string? Error, string? MessageId);
