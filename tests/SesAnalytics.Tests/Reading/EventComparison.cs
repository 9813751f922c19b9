using System.Text.Json.Nodes;
using SesAnalytics.Core.Events;

namespace SesAnalytics.Tests.Reading;

/// <summary>
/// Compares events as the shared sample checker does: the base fields plus the fields of the event's type,
/// as canonical JSON (object keys sorted), in any order of events.
/// </summary>
internal static class EventComparison
{
    private static readonly string[] BaseFields =
        ["messageId", "eventType", "recipient", "timestamp", "sentAt", "campaignId", "tags"];

    private static readonly Dictionary<string, string[]> TypeFields = new()
    {
        ["BOUNCE"] = ["bounceType", "bounceSubType"],
        ["COMPLAINT"] = ["complaintFeedbackType"],
        ["CLICK"] = ["link", "userAgent", "ipAddress"],
        ["OPEN"] = ["userAgent", "ipAddress"],
    };

    public static IReadOnlyList<string> Keys(IEnumerable<TrackingEvent> events) =>
        Keys(events.Select(e => JsonNode.Parse(TrackingEventJson.ToJson(e))!.AsObject()));

    public static IReadOnlyList<string> Keys(IEnumerable<JsonObject> events) =>
        events.Select(Key).Order(StringComparer.Ordinal).ToList();

    private static string Key(JsonObject trackingEvent)
    {
        var type = trackingEvent["eventType"]?.GetValue<string>() ?? string.Empty;
        var fields = BaseFields.Concat(TypeFields.GetValueOrDefault(type, []));
        var selected = new JsonObject();
        foreach (var field in fields.Order(StringComparer.Ordinal))
        {
            selected[field] = Canonical(trackingEvent[field]);
        }

        return selected.ToJsonString();
    }

    private static JsonNode? Canonical(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => KeyValuePair.Create(pair.Key, Canonical(pair.Value)))),
        null => null,
        _ => node.DeepClone(),
    };
}
