using System.Diagnostics.CodeAnalysis;

namespace SesAnalytics.Core.Events;

/// <summary>
/// The event names SES writes (<c>Bounce</c>, <c>Rendering Failure</c>, <c>DeliveryDelay</c>) and the shape of each.
/// Names match in any letter case and with or without spaces, underscores or hyphens, so
/// <c>Rendering Failure</c>, <c>RenderingFailure</c> and <c>RENDERING_FAILURE</c> are one type.
/// </summary>
internal static class WireEventShapes
{
    private const int LongestName = 64;

    private static readonly Dictionary<string, WireEventShape> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Send"] = new(SesEventType.Send, "send", null, TimedByMail: true),
        ["Delivery"] = new(SesEventType.Delivery, "delivery", "recipients", TimedByMail: false),
        ["Bounce"] = new(SesEventType.Bounce, "bounce", "bouncedRecipients", TimedByMail: false),
        ["Complaint"] = new(SesEventType.Complaint, "complaint", "complainedRecipients", TimedByMail: false),
        ["Open"] = new(SesEventType.Open, "open", null, TimedByMail: false),
        ["Click"] = new(SesEventType.Click, "click", null, TimedByMail: false),
        ["Reject"] = new(SesEventType.Reject, "reject", null, TimedByMail: true),
        ["RenderingFailure"] = new(SesEventType.RenderingFailure, "failure", null, TimedByMail: true),
        ["DeliveryDelay"] = new(SesEventType.DeliveryDelay, "deliveryDelay", "delayedRecipients", TimedByMail: false),
        ["Subscription"] = new(SesEventType.Subscription, "subscription", null, TimedByMail: false),
    };

    public static bool TryFind(string name, [NotNullWhen(true)] out WireEventShape? shape)
    {
        shape = null;
        return Canonical(name) is { } key && ByName.TryGetValue(key, out shape);
    }

    /// <summary>An inbound mail notification (<c>Received</c>) from a receipt rule: not an event about sent mail.</summary>
    public static bool IsInboundMail(string name) =>
        string.Equals(Canonical(name), "Received", StringComparison.OrdinalIgnoreCase);

    /// <summary>The notice SES posts once a topic is set up for identity notifications.</summary>
    public static bool IsSubscriptionNotice(string name) =>
        string.Equals(Canonical(name), "AmazonSnsSubscriptionSucceeded", StringComparison.OrdinalIgnoreCase);

    private static string? Canonical(string name)
    {
        if (name.Length > LongestName)
        {
            return null;
        }

        var kept = name.Where(c => c is not (' ' or '_' or '-')).ToArray();
        return new string(kept);
    }
}
