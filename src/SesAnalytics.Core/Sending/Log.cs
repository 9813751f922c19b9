using Microsoft.Extensions.Logging;

namespace SesAnalytics.Core.Sending;

internal static partial class Log
{
    [LoggerMessage(EventId = 1200, EventName = "SendCompleted", Level = LogLevel.Information,
        Message = "Send on {Pipeline} for campaign {CampaignId}: {Recipients} recipients, {Sent} sent, {Suppressed} suppressed, " +
                  "{Rejected} rejected, {Failed} failed")]
    public static partial void SendCompleted(
        ILogger logger,
        string pipeline,
        string campaignId,
        int recipients,
        int sent,
        int suppressed,
        int rejected,
        int failed);

    [LoggerMessage(EventId = 1201, EventName = "SendRecordFailed", Level = LogLevel.Warning,
        Message = "Storing the send records of {Count} messages on {Pipeline} failed; SES's own Send events will still arrive")]
    public static partial void SendRecordFailed(ILogger logger, Exception exception, string pipeline, int count);

    [LoggerMessage(EventId = 1202, EventName = "RecipientNotSent", Level = LogLevel.Warning,
        Message = "Recipient {MaskedEmail} on {Pipeline} was not sent: {Status}, {Reason}")]
    public static partial void RecipientNotSent(ILogger logger, string pipeline, string maskedEmail, SendStatus status, string? reason);
}
