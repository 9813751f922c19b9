namespace SesAnalytics.Aws.Ses.Api;

internal sealed record SesDestination(IReadOnlyList<string> ToAddresses);
