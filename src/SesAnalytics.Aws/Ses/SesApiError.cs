using System.Net;

namespace SesAnalytics.Aws.Ses;

/// <summary>An error answer of the SES v2 API: the HTTP status, SES's error code and its message.</summary>
internal sealed record SesApiError(HttpStatusCode Status, string Code, string Message)
{
    public override string ToString() => $"{Code} (HTTP {(int)Status}): {Message}";
}
