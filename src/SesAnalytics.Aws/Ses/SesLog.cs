using Microsoft.Extensions.Logging;

namespace SesAnalytics.Aws.Ses;

/// <summary>Log messages of the SES provider (event ids 3100–3199). Recipients are always masked.</summary>
internal static partial class SesLog
{
    [LoggerMessage(
        EventId = 3101,
        EventName = "SesSendCompleted",
        Level = LogLevel.Information,
        Message = "SES send for pipeline {Pipeline}: {Count} emails, {Sent} sent, {Rejected} rejected, {Failed} failed")]
    public static partial void SendCompleted(ILogger logger, string pipeline, int count, int sent, int rejected, int failed);

    [LoggerMessage(
        EventId = 3102,
        EventName = "SesSendThrottled",
        Level = LogLevel.Warning,
        Message = "SES throttled {Count} sends of pipeline {Pipeline}; retry {Attempt} in {Delay}")]
    public static partial void SendThrottled(ILogger logger, int count, string pipeline, int attempt, TimeSpan delay);

    [LoggerMessage(
        EventId = 3103,
        EventName = "SesRecipientRejected",
        Level = LogLevel.Warning,
        Message = "SES rejected the email of pipeline {Pipeline} to {Recipient}: {Code}")]
    public static partial void RecipientRejected(ILogger logger, string pipeline, string recipient, string code);

    [LoggerMessage(
        EventId = 3104,
        EventName = "SesRecipientFailed",
        Level = LogLevel.Warning,
        Message = "SES send of pipeline {Pipeline} to {Recipient} failed: {Code}")]
    public static partial void RecipientFailed(ILogger logger, string pipeline, string recipient, string code);

    [LoggerMessage(
        EventId = 3105,
        EventName = "SesRequestFailed",
        Level = LogLevel.Error,
        Message = "SES request of pipeline {Pipeline} for {Count} emails did not complete")]
    public static partial void RequestFailed(ILogger logger, string pipeline, int count, Exception exception);

    [LoggerMessage(
        EventId = 3106,
        EventName = "SesTemplateSaved",
        Level = LogLevel.Information,
        Message = "SES template {Template} {Action}")]
    public static partial void TemplateSaved(ILogger logger, string template, string action);
}
