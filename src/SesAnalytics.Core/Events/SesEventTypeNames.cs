namespace SesAnalytics.Core.Events;

/// <summary>Converts event types to and from the contract's names (<c>RENDERING_FAILURE</c>).</summary>
public static class SesEventTypeNames
{
    private static readonly Dictionary<SesEventType, string> Names = new()
    {
        [SesEventType.Send] = "SEND",
        [SesEventType.Delivery] = "DELIVERY",
        [SesEventType.Bounce] = "BOUNCE",
        [SesEventType.Complaint] = "COMPLAINT",
        [SesEventType.Open] = "OPEN",
        [SesEventType.Click] = "CLICK",
        [SesEventType.Reject] = "REJECT",
        [SesEventType.RenderingFailure] = "RENDERING_FAILURE",
        [SesEventType.DeliveryDelay] = "DELIVERY_DELAY",
        [SesEventType.Subscription] = "SUBSCRIPTION",
    };

    private static readonly Dictionary<string, SesEventType> ByName =
        Names.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<SesEventType> All => Names.Keys;

    public static string ToName(this SesEventType type) => Names[type];

    public static bool TryParse(string? name, out SesEventType type) =>
        ByName.TryGetValue(name ?? string.Empty, out type);

    /// <summary>True for the events that only exist once a message entered the delivery path.</summary>
    public static bool IsDeliveryPath(this SesEventType type) => type is
        SesEventType.Delivery or SesEventType.Bounce or SesEventType.Complaint or
        SesEventType.Open or SesEventType.Click or SesEventType.DeliveryDelay;
}
