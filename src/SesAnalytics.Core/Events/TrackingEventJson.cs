using System.Buffers;
using System.Text;
using System.Text.Json;

namespace SesAnalytics.Core.Events;

/// <summary>
/// Writes a <see cref="TrackingEvent"/> as JSON: event type in the contract's spelling (<c>RENDERING_FAILURE</c>),
/// times as <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>, the type-specific fields only for their types (bounce fields for
/// BOUNCE, <c>complaintFeedbackType</c> for COMPLAINT, <c>link</c> for CLICK, <c>userAgent</c> and
/// <c>ipAddress</c> for OPEN and CLICK), written as null when absent.
/// </summary>
public static class TrackingEventJson
{
    /// <summary>Writes the event as an object with the contract's field names.</summary>
    public static void Write(Utf8JsonWriter writer, TrackingEvent trackingEvent) =>
        Write(writer, trackingEvent, TrackingEventFieldNames.Contract);

    /// <summary>Writes the event as an object with the given field names.</summary>
    public static void Write(Utf8JsonWriter writer, TrackingEvent trackingEvent, TrackingEventFieldNames names)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        WriteProperties(writer, trackingEvent, names);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the event's properties into an object the caller has opened, so the caller can add its own
    /// (a stored record's expiry, for instance) before closing it.
    /// </summary>
    public static void WriteProperties(Utf8JsonWriter writer, TrackingEvent trackingEvent, TrackingEventFieldNames names)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(trackingEvent);
        ArgumentNullException.ThrowIfNull(names);

        writer.WriteString(names.MessageId, trackingEvent.MessageId);
        writer.WriteString(names.EventType, trackingEvent.EventType.ToName());
        writer.WriteString(names.Recipient, trackingEvent.Recipient);
        writer.WriteString(names.Timestamp, EventTimestamps.Format(trackingEvent.Timestamp));
        if (trackingEvent.SentAt is { } sentAt)
        {
            writer.WriteString(names.SentAt, EventTimestamps.Format(sentAt));
        }
        else
        {
            writer.WriteNull(names.SentAt);
        }

        writer.WriteString(names.CampaignId, trackingEvent.CampaignId);
        writer.WriteStartObject(names.Tags);
        foreach (var (key, value) in trackingEvent.Tags)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
        WriteTypeFields(writer, trackingEvent, names);
    }

    /// <summary>The event as one line of JSON with the contract's field names.</summary>
    public static string ToJson(TrackingEvent trackingEvent)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, trackingEvent);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void WriteTypeFields(Utf8JsonWriter writer, TrackingEvent trackingEvent, TrackingEventFieldNames names)
    {
        switch (trackingEvent.EventType)
        {
            case SesEventType.Bounce:
                writer.WriteString(names.BounceType, trackingEvent.BounceType);
                writer.WriteString(names.BounceSubType, trackingEvent.BounceSubType);
                break;
            case SesEventType.Complaint:
                writer.WriteString(names.ComplaintFeedbackType, trackingEvent.ComplaintFeedbackType);
                break;
            case SesEventType.Click:
                writer.WriteString(names.Link, trackingEvent.Link);
                writer.WriteString(names.UserAgent, trackingEvent.UserAgent);
                writer.WriteString(names.IpAddress, trackingEvent.IpAddress);
                break;
            case SesEventType.Open:
                writer.WriteString(names.UserAgent, trackingEvent.UserAgent);
                writer.WriteString(names.IpAddress, trackingEvent.IpAddress);
                break;
            default:
                break;
        }
    }
}
