using Microsoft.Extensions.Logging;

namespace SesAnalytics.Functions.Functions;

internal static partial class Log
{
    [LoggerMessage(EventId = 2000, EventName = "Unsubscribed", Level = LogLevel.Information,
        Message = "Unsubscribe of {MaskedEmail} from {Pipeline} (campaign {CampaignId}); new: {Added}")]
    public static partial void Unsubscribed(ILogger logger, string maskedEmail, string pipeline, string? campaignId, bool added);

    [LoggerMessage(EventId = 2001, EventName = "UnsubscribeRefused", Level = LogLevel.Warning,
        Message = "Unsubscribe refused: {Reason}")]
    public static partial void UnsubscribeRefused(ILogger logger, string reason);
}
