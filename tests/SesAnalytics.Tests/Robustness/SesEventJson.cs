using System.Text.Json;
using SesAnalytics.Core.Events;

namespace SesAnalytics.Tests.Robustness;

/// <summary>SES event-publishing documents as SES writes them to SNS, for tests that need fresh events on a queue.</summary>
public static class SesEventJson
{
    public static string Delivery(string messageId, string recipient, DateTimeOffset sentAt, string campaignId) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["eventType"] = "Delivery",
            ["mail"] = Mail(messageId, recipient, sentAt, campaignId),
            ["delivery"] = new Dictionary<string, object>
            {
                ["timestamp"] = EventTimestamps.Format(sentAt.AddSeconds(2)),
                ["recipients"] = new[] { recipient },
                ["processingTimeMillis"] = 2000,
                ["smtpResponse"] = "250 ok",
            },
        });

    public static string Bounce(string messageId, string recipient, DateTimeOffset sentAt, string campaignId) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["eventType"] = "Bounce",
            ["mail"] = Mail(messageId, recipient, sentAt, campaignId),
            ["bounce"] = new Dictionary<string, object>
            {
                ["bounceType"] = "Permanent",
                ["bounceSubType"] = "General",
                ["timestamp"] = EventTimestamps.Format(sentAt.AddSeconds(3)),
                ["bouncedRecipients"] = new[] { new Dictionary<string, string> { ["emailAddress"] = recipient } },
            },
        });

    /// <summary>The document wrapped in an SNS notification, as a queue without raw message delivery receives it.</summary>
    public static string InSnsEnvelope(string document, DateTimeOffset at) =>
        JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["Type"] = "Notification",
            ["MessageId"] = Guid.NewGuid().ToString(),
            ["TopicArn"] = "arn:aws:sns:us-east-1:111122223333:ses-email-events",
            ["Message"] = document,
            ["Timestamp"] = EventTimestamps.Format(at),
        });

    private static Dictionary<string, object> Mail(string messageId, string recipient, DateTimeOffset sentAt, string campaignId) => new()
    {
        ["timestamp"] = EventTimestamps.Format(sentAt),
        ["messageId"] = messageId,
        ["source"] = "outreach@example.com",
        ["destination"] = new[] { recipient },
        ["tags"] = new Dictionary<string, string[]> { ["campaign"] = [campaignId] },
    };
}
