using System.Text;
using System.Text.Json;

namespace SesAnalytics.Core.Events;

/// <summary>
/// Reads one queue message body (SNS envelope or raw SES document, event publishing or identity notification,
/// or a captured Lambda payload) into normalized events as the contract defines them. Never throws.
/// </summary>
public static class SesMessageReader
{
    /// <summary>
    /// How many JSON documents may sit inside one another as strings. The deepest real shape is a Lambda SQS record
    /// whose body is an SNS envelope whose Message is the SES event: two levels below the payload.
    /// </summary>
    public const int MaxEmbeddedDocuments = 4;

    /// <summary>The text SES posts once when a topic is set up for event publishing.</summary>
    private const string TopicValidationNotice = "Successfully validated SNS topic";

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        MaxDepth = 64,
        CommentHandling = JsonCommentHandling.Disallow,
        AllowTrailingCommas = false,
    };

    public static ReadResult Read(string body) => ReadText(body, level: 0, envelopeTimestamp: null, "the body");

    private static ReadResult ReadText(string? text, int level, DateTimeOffset? envelopeTimestamp, string what)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ReadResult.Invalid($"{what} is empty");
        }

        if (text.AsSpan().TrimStart().StartsWith(TopicValidationNotice, StringComparison.Ordinal))
        {
            return ReadResult.Ignored("SES topic validation notice");
        }

        JsonDocument document;
        try
        {
            // Encoding first replaces unpaired surrogates, which JsonDocument.Parse(string) would throw on.
            document = JsonDocument.Parse(Encoding.UTF8.GetBytes(text), DocumentOptions);
        }
        catch (JsonException exception)
        {
            return ReadResult.Invalid($"{what} is not JSON: {exception.Message}");
        }

        using (document)
        {
            return ReadElement(document.RootElement, level, envelopeTimestamp, what);
        }
    }

    private static ReadResult ReadElement(JsonElement root, int level, DateTimeOffset? envelopeTimestamp, string what)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return ReadResult.Invalid($"{what} is {JsonFields.Describe(root.ValueKind)}, not a JSON object");
        }

        if (JsonFields.Has(root, "Records"))
        {
            return ReadRecords(root, level);
        }

        if (JsonFields.Has(root, "eventType") || JsonFields.Has(root, "notificationType"))
        {
            return SesDocumentReader.Read(root, envelopeTimestamp);
        }

        if (JsonFields.Has(root, "Type") || JsonFields.Has(root, "Message"))
        {
            return ReadEnvelope(root, level);
        }

        return ReadResult.Invalid(
            $"no event type: {what} has no eventType, notificationType, SNS Type or Lambda Records");
    }

    private static ReadResult ReadEnvelope(JsonElement envelope, int level)
    {
        var hasType = JsonFields.TryGet(envelope, "Type", out var typeValue);
        var type = JsonFields.AsString(typeValue);
        if (hasType && type is null)
        {
            return ReadResult.Invalid($"the SNS Type is {JsonFields.Describe(typeValue.ValueKind)}, not a name");
        }

        if (type is not null && !string.Equals(type, "Notification", StringComparison.OrdinalIgnoreCase))
        {
            return type.ToUpperInvariant() switch
            {
                "SUBSCRIPTIONCONFIRMATION" => ReadResult.Ignored("SNS SubscriptionConfirmation"),
                "UNSUBSCRIBECONFIRMATION" => ReadResult.Ignored("SNS UnsubscribeConfirmation"),
                _ => ReadResult.Invalid($"unknown SNS message type '{ReasonText.Quote(type)}'"),
            };
        }

        if (level >= MaxEmbeddedDocuments)
        {
            return ReadResult.Invalid($"documents are embedded more than {MaxEmbeddedDocuments} levels deep");
        }

        var timestamp = SesTimestamps.Parse(JsonFields.GetString(envelope, "Timestamp"));
        if (!JsonFields.TryGet(envelope, "Message", out var message) || message.ValueKind == JsonValueKind.Null)
        {
            return ReadResult.Invalid("the SNS Message is missing");
        }

        return message.ValueKind switch
        {
            JsonValueKind.String => ReadText(JsonFields.AsString(message), level + 1, timestamp, "the SNS Message"),
            JsonValueKind.Object => ReadElement(message, level + 1, timestamp, "the SNS Message"),
            _ => ReadResult.Invalid($"the SNS Message is {JsonFields.Describe(message.ValueKind)}, not a document"),
        };
    }

    /// <summary>A captured Lambda payload: each SNS record or SQS record is read as a message of its own.</summary>
    private static ReadResult ReadRecords(JsonElement payload, int level)
    {
        _ = JsonFields.TryGet(payload, "Records", out var records);
        if (records.ValueKind != JsonValueKind.Array)
        {
            return ReadResult.Invalid($"Records is {JsonFields.Describe(records.ValueKind)}, not a list");
        }

        if (level >= MaxEmbeddedDocuments)
        {
            return ReadResult.Invalid($"documents are embedded more than {MaxEmbeddedDocuments} levels deep");
        }

        var events = new List<TrackingEvent>();
        string? ignoredReason = null;
        var index = 0;
        foreach (var record in records.EnumerateArray())
        {
            var result = ReadRecord(record, level + 1);
            switch (result.Status)
            {
                case ReadStatus.Invalid:
                    return ReadResult.Invalid($"Records[{index}]: {result.Reason}");
                case ReadStatus.Ignored:
                    ignoredReason ??= $"Records[{index}]: {result.Reason}";
                    break;
                default:
                    events.AddRange(result.Events);
                    break;
            }

            index++;
        }

        if (index == 0)
        {
            return ReadResult.Invalid("Records is empty");
        }

        return events.Count > 0 ? ReadResult.Ok(events) : ReadResult.Ignored($"every record is ignored; {ignoredReason}");
    }

    private static ReadResult ReadRecord(JsonElement record, int level)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return ReadResult.Invalid($"the record is {JsonFields.Describe(record.ValueKind)}, not an object");
        }

        if (JsonFields.TryGetObject(record, "Sns", out var sns))
        {
            return ReadElement(sns, level, envelopeTimestamp: null, "the Sns record");
        }

        if (JsonFields.TryGet(record, "body", out var body) && body.ValueKind == JsonValueKind.String)
        {
            return ReadText(JsonFields.AsString(body), level, envelopeTimestamp: null, "the body");
        }

        return ReadResult.Invalid("the record has neither an Sns object nor a body string");
    }
}
