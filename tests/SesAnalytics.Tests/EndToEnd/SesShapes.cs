using System.Text.Json;
using System.Text.Json.Nodes;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// SES event documents built from the shapes of the shared samples, with a fresh message id, recipient and times,
/// each with the record the contract's normalization rules give for it (read from the document built here).
/// </summary>
internal static class SesShapes
{
    public const string Send = "event-publishing/awsdocs-send.json";
    public const string Delivery = "event-publishing/awsdocs-delivery.json";
    public const string Open = "event-publishing/awsdocs-open-iphone.json";
    public const string Click = "event-publishing/awsdocs-click-linktags.json";
    public const string Bounce = "event-publishing/awsdocs-bounce-permanent-general.json";
    public const string Complaint = "event-publishing/awsdocs-complaint-abuse.json";
    public const string IdentityComplaint = "identity-notifications/awsdocs-notif-complaint-with-feedback.json";
    public const string IdentityBounce = "identity-notifications/awsdocs-notif-bounce-with-dsn.json";

    private const string EnvelopeShape = "sns-envelope/juhasev-event-delivery-no-signature.json";

    /// <summary>
    /// The sample <paramref name="shape"/> for message <paramref name="messageId"/> to <paramref name="recipient"/>,
    /// sent at <paramref name="sentAt"/>, the event happening at <paramref name="at"/> (not for a Send), carrying the
    /// campaign tag when given (identity notifications carry no tags). Raw when <paramref name="inEnvelope"/> is false,
    /// as a queue with raw message delivery receives it; else in an SNS notification.
    /// </summary>
    public static GeneratedEvent Event(
        string shape,
        string messageId,
        string recipient,
        DateTimeOffset sentAt,
        DateTimeOffset? at = null,
        string? campaign = null,
        bool inEnvelope = true)
    {
        var document = JsonNode.Parse(SampleCorpus.Named(shape).Body)!.AsObject();
        var mail = document["mail"]!.AsObject();
        mail["messageId"] = messageId;
        mail["timestamp"] = ExpectedRecord.Format(sentAt);
        mail["destination"] = new JsonArray(recipient);
        if (mail["commonHeaders"] is JsonObject common)
        {
            common["to"] = new JsonArray(recipient);
            common["messageId"] = messageId;
        }

        var identity = document.ContainsKey("notificationType");
        if (campaign is not null && !identity)
        {
            var tags = mail["tags"] as JsonObject ?? new JsonObject();
            tags["campaign"] = new JsonArray(campaign);
            mail["tags"] = tags;
        }

        var type = (document["eventType"] ?? document["notificationType"])!.GetValue<string>();
        var details = document[char.ToLowerInvariant(type[0]) + type[1..]] as JsonObject;
        if (details is not null && at is { } time)
        {
            Retarget(details, recipient, time);
        }

        var body = inEnvelope ? Envelope(document, at ?? sentAt) : document.ToJsonString();
        return new GeneratedEvent(body, RecordOf(type, document, recipient));
    }

    private static void Retarget(JsonObject details, string recipient, DateTimeOffset at)
    {
        details["timestamp"] = ExpectedRecord.Format(at);
        if (details.ContainsKey("arrivalDate"))
        {
            details["arrivalDate"] = ExpectedRecord.Format(at);
        }

        if (details.ContainsKey("feedbackId"))
        {
            details["feedbackId"] = Guid.NewGuid().ToString();
        }

        if (details["recipients"] is JsonArray)
        {
            details["recipients"] = new JsonArray(recipient);
        }

        foreach (var name in new[] { "bouncedRecipients", "complainedRecipients" })
        {
            if (details[name] is JsonArray { Count: > 0 } list)
            {
                var first = list[0]!.DeepClone().AsObject();
                first["emailAddress"] = recipient;
                details[name] = new JsonArray(first);
            }
        }
    }

    /// <summary>The document in an SNS notification shaped like the envelope sample, with a new SNS message id.</summary>
    private static string Envelope(JsonObject document, DateTimeOffset at)
    {
        var envelope = JsonNode.Parse(SampleCorpus.Named(EnvelopeShape).Body)!.AsObject();
        envelope["MessageId"] = Guid.NewGuid().ToString();
        envelope["Message"] = document.ToJsonString();
        envelope["Timestamp"] = ExpectedRecord.Format(at);
        return envelope.ToJsonString();
    }

    /// <summary>The contract's record for the document: the field rules of "Normalized events", for these shapes.</summary>
    private static ExpectedRecord RecordOf(string type, JsonObject document, string recipient)
    {
        var mail = document["mail"]!.AsObject();
        var details = document[char.ToLowerInvariant(type[0]) + type[1..]] as JsonObject;
        var tags = (mail["tags"] as JsonObject ?? new JsonObject())
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => t.Key + "=" + t.Value!.AsArray()[0]!.GetValue<string>())
            .ToList();
        var campaign = mail["tags"]?["campaign"]?.AsArray()[0]?.GetValue<string>();
        var sentAt = mail["timestamp"]!.GetValue<string>();
        return new ExpectedRecord(
            mail["messageId"]!.GetValue<string>(),
            type.ToUpperInvariant(),
            recipient,
            type == "Send" ? sentAt : details!["timestamp"]!.GetValue<string>(),
            sentAt,
            campaign,
            string.Join('\n', tags),
            type == "Bounce" ? Text(details, "bounceType") : null,
            type == "Bounce" ? Text(details, "bounceSubType") : null,
            type == "Complaint" ? Text(details, "complaintFeedbackType") : null,
            type == "Click" ? Text(details, "link") : null,
            type is "Open" or "Click" ? Text(details, "userAgent") : null,
            type is "Open" or "Click" ? Text(details, "ipAddress") : null);
    }

    private static string? Text(JsonObject? details, string name) =>
        details?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
