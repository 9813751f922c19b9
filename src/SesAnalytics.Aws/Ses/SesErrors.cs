using System.Net;
using SesAnalytics.Core.Sending;

namespace SesAnalytics.Aws.Ses;

/// <summary>Maps SES v2 errors, and the per-entry statuses of a bulk send, to send outcomes.</summary>
internal static class SesErrors
{
    public const string AccountSendingPaused = "account sending paused";
    public const string ConfigurationSetSendingPaused = "configuration set sending paused";
    private const string MaximumSendingRate = "Maximum sending rate exceeded";

    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "TooManyRequestsException", "Throttling", "ThrottlingException", "ThrottledException",
    };

    private static readonly HashSet<string> RejectionCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NotFoundException", "MessageRejected", "MessageRejectedException", "MailFromDomainNotVerified",
        "MailFromDomainNotVerifiedException", "BadRequestException",
    };

    private static readonly HashSet<string> AccountPausedCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "AccountSendingPausedException", "SendingPausedException",
    };

    public static SesErrorKind Classify(SesApiError error)
    {
        if (error.Status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable
            || ThrottlingCodes.Contains(error.Code)
            || error.Message.Contains(MaximumSendingRate, StringComparison.OrdinalIgnoreCase))
        {
            return SesErrorKind.Throttled;
        }

        if (RejectionCodes.Contains(error.Code))
        {
            return SesErrorKind.Rejected;
        }

        if (AccountPausedCodes.Contains(error.Code))
        {
            return SesErrorKind.AccountSendingPaused;
        }

        return string.Equals(error.Code, "ConfigurationSetSendingPausedException", StringComparison.OrdinalIgnoreCase)
            ? SesErrorKind.ConfigurationSetSendingPaused
            : SesErrorKind.Failed;
    }

    /// <summary>Classifies a <c>BulkEmailEntryResult.Status</c> other than <c>SUCCESS</c>.</summary>
    public static SesErrorKind ClassifyBulkStatus(string? status) => status?.ToUpperInvariant() switch
    {
        "ACCOUNT_THROTTLED" or "TRANSIENT_FAILURE" => SesErrorKind.Throttled,
        "MESSAGE_REJECTED" or "MAIL_FROM_DOMAIN_NOT_VERIFIED" or "TEMPLATE_NOT_FOUND" or "TEMPLATE_DOES_NOT_EXIST"
            or "CONFIGURATION_SET_NOT_FOUND" or "CONFIGURATION_SET_DOES_NOT_EXIST" or "INVALID_PARAMETER"
            or "INVALID_PARAMETER_VALUE" or "INVALID_SENDING_POOL_NAME" => SesErrorKind.Rejected,
        "ACCOUNT_SENDING_PAUSED" => SesErrorKind.AccountSendingPaused,
        "CONFIGURATION_SET_SENDING_PAUSED" => SesErrorKind.ConfigurationSetSendingPaused,
        _ => SesErrorKind.Failed,
    };

    /// <summary>The outcome of a recipient whose send ended with an error that is not retried (any longer).</summary>
    public static SendOutcome Outcome(string recipient, SesErrorKind kind, string code, string message) => kind switch
    {
        SesErrorKind.Rejected => SendOutcome.Rejected(recipient, message),
        SesErrorKind.AccountSendingPaused => SendOutcome.Failed(recipient, AccountSendingPaused),
        SesErrorKind.ConfigurationSetSendingPaused => SendOutcome.Failed(recipient, ConfigurationSetSendingPaused),
        _ => SendOutcome.Failed(recipient, $"SES {code}: {message}"),
    };
}
