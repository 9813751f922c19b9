using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using MimeKit.Utils;
using SesAnalytics.Core.Events;

namespace SesAnalytics.Embedded.Sending;

/// <summary>
/// Builds the documents SES event publishing writes (<c>eventType</c>, <c>mail</c>, and the event's own object),
/// and the SNS <c>Notification</c> envelopes that carry them to a subscribed queue.
/// </summary>
internal static class SesEventDocuments
{
    public const string AccountId = "000000000000";
    public const string Region = "us-east-1";
    public const string ReportingMta = "localhost";
    public const string SimulatorUserAgent = "Amazon SES Mailbox Simulator";

    /// <summary>Escapes only what JSON requires, as SES and SNS write it (the documents are never embedded in HTML).</summary>
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static JsonObject Mail(SentMail sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var fromDomain = Domain(sent.Source);
        var headers = new JsonArray();
        foreach (var (name, value) in sent.Headers)
        {
            headers.Add(new JsonObject { ["name"] = name, ["value"] = value });
        }

        var tags = new JsonObject
        {
            ["ses:operation"] = new JsonArray("SendEmail"),
            ["ses:configuration-set"] = new JsonArray(sent.ConfigurationSet),
            ["ses:source-ip"] = new JsonArray("127.0.0.1"),
            ["ses:from-domain"] = new JsonArray(fromDomain),
            ["ses:caller-identity"] = new JsonArray("embedded"),
        };
        foreach (var (name, value) in sent.Tags)
        {
            tags[name] = new JsonArray(value);
        }

        return new JsonObject
        {
            ["timestamp"] = EventTimestamps.Format(sent.Timestamp),
            ["source"] = sent.Source,
            ["sourceArn"] = $"arn:aws:ses:{Region}:{AccountId}:identity/{fromDomain}",
            ["sendingAccountId"] = AccountId,
            ["messageId"] = sent.MessageId,
            ["destination"] = new JsonArray(sent.Destination),
            ["headersTruncated"] = false,
            ["headers"] = headers,
            ["commonHeaders"] = new JsonObject
            {
                ["from"] = new JsonArray(sent.Source),
                ["date"] = DateUtils.FormatDate(sent.Timestamp),
                ["to"] = new JsonArray(sent.Destination),
                ["messageId"] = sent.MessageId,
                ["subject"] = sent.Subject,
            },
            ["tags"] = tags,
        };
    }

    public static JsonObject Send(JsonObject mail) => Document("Send", mail, "send", []);

    public static JsonObject Delivery(JsonObject mail, string recipient, DateTimeOffset at) => Document(
        "Delivery",
        mail,
        "delivery",
        new JsonObject
        {
            ["timestamp"] = EventTimestamps.Format(at),
            ["processingTimeMillis"] = (long)(at - MailTimestamp(mail)).TotalMilliseconds,
            ["recipients"] = new JsonArray(recipient),
            ["smtpResponse"] = "250 2.6.0 Message received",
            ["reportingMTA"] = ReportingMta,
        });

    public static JsonObject Bounce(JsonObject mail, string recipient, DateTimeOffset at, string subType, string diagnosticCode) =>
        Document(
            "Bounce",
            mail,
            "bounce",
            new JsonObject
            {
                ["bounceType"] = "Permanent",
                ["bounceSubType"] = subType,
                ["bouncedRecipients"] = new JsonArray(new JsonObject
                {
                    ["emailAddress"] = recipient,
                    ["action"] = "failed",
                    ["status"] = "5.1.1",
                    ["diagnosticCode"] = diagnosticCode,
                }),
                ["timestamp"] = EventTimestamps.Format(at),
                ["feedbackId"] = SesMessageIds.Create(at),
                ["reportingMTA"] = $"dsn; {ReportingMta}",
            });

    public static JsonObject Complaint(JsonObject mail, string recipient, DateTimeOffset at) => Document(
        "Complaint",
        mail,
        "complaint",
        new JsonObject
        {
            ["complainedRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = recipient }),
            ["timestamp"] = EventTimestamps.Format(at),
            ["feedbackId"] = SesMessageIds.Create(at),
            ["userAgent"] = SimulatorUserAgent,
            ["complaintFeedbackType"] = "abuse",
            ["arrivalDate"] = EventTimestamps.Format(at),
        });

    public static JsonObject Open(JsonObject mail, DateTimeOffset at, string ipAddress, string userAgent) => Document(
        "Open",
        mail,
        "open",
        new JsonObject
        {
            ["ipAddress"] = ipAddress,
            ["timestamp"] = EventTimestamps.Format(at),
            ["userAgent"] = userAgent,
        });

    public static JsonObject Click(JsonObject mail, DateTimeOffset at, string ipAddress, string userAgent, string link) => Document(
        "Click",
        mail,
        "click",
        new JsonObject
        {
            ["ipAddress"] = ipAddress,
            ["link"] = link,
            ["timestamp"] = EventTimestamps.Format(at),
            ["userAgent"] = userAgent,
        });

    /// <summary>The SNS notification a queue subscribed without raw message delivery receives.</summary>
    public static string Envelope(string topicArn, JsonObject document, DateTimeOffset at) => new JsonObject
    {
        ["Type"] = "Notification",
        ["MessageId"] = Guid.NewGuid().ToString(),
        ["TopicArn"] = topicArn,
        ["Subject"] = "Amazon SES Email Event Notification",
        ["Message"] = ToJson(document),
        ["Timestamp"] = EventTimestamps.Format(at),
    }.ToJsonString(Json);

    public static string ToJson(JsonObject document) => document.ToJsonString(Json);

    public static string TopicArn(string topic) => $"arn:aws:sns:{Region}:{AccountId}:{topic}";

    private static JsonObject Document(string eventType, JsonObject mail, string objectName, JsonObject eventObject) => new()
    {
        ["eventType"] = eventType,
        ["mail"] = mail.DeepClone(),
        [objectName] = eventObject,
    };

    private static DateTimeOffset MailTimestamp(JsonObject mail) => DateTimeOffset.Parse(
        mail["timestamp"]!.GetValue<string>(),
        CultureInfo.InvariantCulture,
        DateTimeStyles.AssumeUniversal);

    private static string Domain(string source)
    {
        var address = MimeKit.MailboxAddress.TryParse(source, out var mailbox) ? mailbox.Address : source;
        var at = address.LastIndexOf('@');
        return at >= 0 ? address[(at + 1)..] : address;
    }
}
