namespace SesAnalytics.Core.Sending;

public enum SendStatus
{
    /// <summary>SES accepted the message.</summary>
    Sent,

    /// <summary>Not sent: the recipient is on the suppression list.</summary>
    Suppressed,

    /// <summary>SES refused the message (bad content, missing template, rejected address).</summary>
    Rejected,

    /// <summary>The send could not be completed (throttled after retries, account paused, network).</summary>
    Failed,
}
