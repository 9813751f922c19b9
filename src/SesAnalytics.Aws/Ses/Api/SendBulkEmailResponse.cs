namespace SesAnalytics.Aws.Ses.Api;

internal sealed record SendBulkEmailResponse(IReadOnlyList<BulkEmailEntryResult>? BulkEmailEntryResults);
