namespace SesAnalytics.Aws.Ses;

/// <summary>What an SES error means for the recipients it concerns.</summary>
internal enum SesErrorKind
{
    /// <summary>SES asks to slow down (or is briefly unavailable): retried with backoff.</summary>
    Throttled,

    /// <summary>SES refused the message: missing template, rejected content or address, unverified sender.</summary>
    Rejected,

    /// <summary>The account may not send at the moment.</summary>
    AccountSendingPaused,

    /// <summary>The configuration set may not send at the moment.</summary>
    ConfigurationSetSendingPaused,

    /// <summary>Anything else: reported as failed with SES's cause.</summary>
    Failed,
}
