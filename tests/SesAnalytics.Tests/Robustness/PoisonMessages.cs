using System.Text;

namespace SesAnalytics.Tests.Robustness;

/// <summary>
/// Queue bodies that can never be stored, each carrying a marker and an address that must never reach a log:
/// truncated JSON, valid JSON of the wrong shape, a 256 KiB body and an event type SES does not have (which names
/// an address, as a reason quotes the type it did not know).
/// </summary>
public static class PoisonMessages
{
    /// <summary>The largest body SQS accepts.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public static IReadOnlyList<string> Markers { get; } =
        ["poison-marker-truncated", "poison-marker-shape", "poison-marker-large", "poison-marker-type"];

    public static IReadOnlyList<string> Addresses { get; } =
        ["truncated.reader@example.com", "shape.reader@example.com", "large.reader@example.com", "type.reader@example.com"];

    public static IReadOnlyList<string> Bodies(string deliverySample)
    {
        var truncated = $$"""{"note":"{{Markers[0]}} {{Addresses[0]}}","Type":"Notification","Message":"{\"eventType\":\"Deliv""";
        var wrongShape = $$$"""{"note":"{{{Markers[1]}}} {{{Addresses[1]}}}","Records":{"eventType":"Delivery"}}""";
        var largePrefix = $$"""{"note":"{{Markers[2]}} {{Addresses[2]}}","eventType":"Delivery","padding":" """;
        const string largeSuffix = "\"}";
        var padding = MaxBodyBytes - Encoding.UTF8.GetByteCount(largePrefix) - largeSuffix.Length;
        var large = largePrefix + new string('x', padding) + largeSuffix;
        var unknownType = deliverySample
            .Replace("\"eventType\": \"Delivery\"", $"\"eventType\": \"Teleport to {Addresses[3]}\"", StringComparison.Ordinal)
            .Replace("\"mail\":", $"\"note\": \"{Markers[3]} {Addresses[3]}\", \"mail\":", StringComparison.Ordinal);
        if (unknownType == deliverySample || !unknownType.Contains(Markers[3], StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The delivery sample no longer has the shape this test edits.");
        }

        return [truncated, wrongShape, large, unknownType];
    }
}
