using Microsoft.Extensions.Logging;

namespace SesAnalytics.Core.Suppression;

internal static partial class Log
{
    [LoggerMessage(EventId = 1300, EventName = "AddressSuppressed", Level = LogLevel.Information,
        Message = "Suppressed {MaskedEmail} for {Scope}: {Reason} (message {MessageId})")]
    public static partial void AddressSuppressed(
        ILogger logger,
        string maskedEmail,
        string scope,
        SuppressionReason reason,
        string messageId);
}
