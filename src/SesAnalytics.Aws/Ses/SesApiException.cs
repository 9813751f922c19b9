namespace SesAnalytics.Aws.Ses;

/// <summary>An SES v2 call that SES answered with an error the caller cannot act on.</summary>
internal sealed class SesApiException(string operation, SesApiError error)
    : Exception($"SES {operation} failed: {error}")
{
    public SesApiError Error { get; } = error;
}
