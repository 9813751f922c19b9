using System.Text.Json;

namespace SesAnalytics.Core.Events;

/// <summary>
/// Reads one SES document, event publishing (<c>eventType</c>) or identity notification (<c>notificationType</c>),
/// into one event per recipient.
/// </summary>
internal static class SesDocumentReader
{
    /// <summary>
    /// SES message ids are about 60 characters; anything far longer is not one and could not be stored as a key.
    /// </summary>
    public const int MaxMessageIdLength = 256;

    private const string CampaignTag = "campaign";

    /// <summary>
    /// Event publishing names the type in <c>eventType</c>, identity notifications in <c>notificationType</c>.
    /// </summary>
    private static readonly string[] TypeProperties = ["eventType", "notificationType"];

    public static ReadResult Read(JsonElement document, DateTimeOffset? envelopeTimestamp)
    {
        if (!TryReadTypeName(document, out var typeName, out var typeProblem))
        {
            return ReadResult.Invalid(typeProblem);
        }

        if (WireEventShapes.IsInboundMail(typeName))
        {
            return ReadResult.Ignored("inbound mail notification (Received), not an event about sent mail");
        }

        if (WireEventShapes.IsSubscriptionNotice(typeName))
        {
            return ReadResult.Ignored("SNS subscription notice (AmazonSnsSubscriptionSucceeded)");
        }

        if (!WireEventShapes.TryFind(typeName, out var shape))
        {
            return ReadResult.Invalid($"unknown event type '{ReasonText.Quote(typeName)}'");
        }

        if (!JsonFields.TryGet(document, "mail", out var mail) || mail.ValueKind != JsonValueKind.Object)
        {
            return ReadResult.Invalid(mail.ValueKind == JsonValueKind.Undefined
                ? "mail missing"
                : $"mail is {JsonFields.Describe(mail.ValueKind)}, not an object");
        }

        var messageId = JsonFields.GetString(mail, "messageId");
        if (string.IsNullOrWhiteSpace(messageId))
        {
            return ReadResult.Invalid("mail.messageId missing");
        }

        if (messageId.Length > MaxMessageIdLength)
        {
            return ReadResult.Invalid($"mail.messageId is longer than {MaxMessageIdLength} characters");
        }

        _ = JsonFields.TryGetObject(document, shape.DetailProperty, out var detail);
        if (!TryReadRecipients(mail, detail, shape, out var recipients, out var recipientProblem))
        {
            return ReadResult.Invalid(recipientProblem);
        }

        var sentAt = SesTimestamps.Parse(JsonFields.GetString(mail, "timestamp"));
        var ownTime = SesTimestamps.Parse(JsonFields.GetString(detail, "timestamp"));
        var timestamp = (shape.TimedByMail ? sentAt ?? ownTime : ownTime ?? sentAt) ?? envelopeTimestamp;
        if (timestamp is null)
        {
            return ReadResult.Invalid(
                $"no valid timestamp in {shape.DetailProperty}.timestamp, mail.timestamp or the SNS Timestamp");
        }

        var tags = ReadTags(mail);
        var template = new TrackingEvent
        {
            MessageId = messageId,
            EventType = shape.Type,
            Recipient = string.Empty,
            Timestamp = timestamp.Value,
            SentAt = sentAt,
            CampaignId = tags.GetValueOrDefault(CampaignTag),
            Tags = tags,
        };
        template = WithTypeFields(template, detail);

        return ReadResult.Ok([.. recipients.Select(recipient => template with { Recipient = recipient })]);
    }

    private static bool TryReadTypeName(JsonElement document, out string name, out string problem)
    {
        foreach (var property in TypeProperties)
        {
            if (!JsonFields.TryGet(document, property, out var value))
            {
                continue;
            }

            if (JsonFields.AsString(value) is not { } text)
            {
                (name, problem) = (string.Empty, $"{property} is {JsonFields.Describe(value.ValueKind)}, not a name");
                return false;
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                (name, problem) = (string.Empty, $"{property} is empty");
                return false;
            }

            (name, problem) = (text, string.Empty);
            return true;
        }

        (name, problem) = (string.Empty, "no event type: neither eventType nor notificationType is present");
        return false;
    }

    private static bool TryReadRecipients(
        JsonElement mail,
        JsonElement detail,
        WireEventShape shape,
        out List<string> recipients,
        out string problem)
    {
        recipients = [];
        problem = string.Empty;
        var path = shape.RecipientsPath;
        var holder = shape.RecipientsProperty is null ? mail : detail;
        var name = shape.RecipientsProperty ?? "destination";

        if (!JsonFields.TryGet(holder, name, out var list) || list.ValueKind is JsonValueKind.Null)
        {
            problem = $"no recipient: {path} missing";
            return false;
        }

        if (list.ValueKind != JsonValueKind.Array)
        {
            problem = $"no recipient: {path} is {JsonFields.Describe(list.ValueKind)}, not a list";
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var entryPath = $"{path}[{index}]";
            string? text;
            if (entry.ValueKind == JsonValueKind.Object)
            {
                entryPath += ".emailAddress";
                text = JsonFields.GetString(entry, "emailAddress");
            }
            else
            {
                text = JsonFields.AsString(entry);
            }

            if (!RecipientAddresses.TryNormalize(text, out var address))
            {
                problem = text is null
                    ? $"{entryPath} is missing or not a string"
                    : $"{entryPath} is not an email address";
                return false;
            }

            if (seen.Add(address))
            {
                recipients.Add(address);
            }

            index++;
        }

        if (recipients.Count == 0)
        {
            problem = $"no recipient: {path} is empty";
            return false;
        }

        return true;
    }

    /// <summary>Each tag's first value; SES writes a list per tag, some producers a plain string.</summary>
    private static Dictionary<string, string> ReadTags(JsonElement mail)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!JsonFields.TryGetObject(mail, "tags", out var tagObject))
        {
            return tags;
        }

        foreach (var tag in tagObject.EnumerateObject())
        {
            if (!JsonFields.TryGetName(tag, out var name))
            {
                continue;
            }

            var first = tag.Value.ValueKind == JsonValueKind.Array
                ? tag.Value.EnumerateArray().Select(JsonFields.AsScalarText).FirstOrDefault()
                : JsonFields.AsScalarText(tag.Value);
            if (first is not null)
            {
                tags.TryAdd(name, first);
            }
        }

        return tags;
    }

    private static TrackingEvent WithTypeFields(TrackingEvent trackingEvent, JsonElement detail)
    {
        return trackingEvent.EventType switch
        {
            SesEventType.Bounce => trackingEvent with
            {
                BounceType = JsonFields.GetString(detail, "bounceType"),
                BounceSubType = JsonFields.GetString(detail, "bounceSubType"),
            },
            SesEventType.Complaint => trackingEvent with
            {
                ComplaintFeedbackType = JsonFields.GetString(detail, "complaintFeedbackType"),
            },
            SesEventType.Open => trackingEvent with
            {
                UserAgent = JsonFields.GetString(detail, "userAgent"),
                IpAddress = JsonFields.GetString(detail, "ipAddress"),
            },
            SesEventType.Click => trackingEvent with
            {
                Link = JsonFields.GetString(detail, "link"),
                UserAgent = JsonFields.GetString(detail, "userAgent"),
                IpAddress = JsonFields.GetString(detail, "ipAddress"),
            },
            _ => trackingEvent,
        };
    }
}
