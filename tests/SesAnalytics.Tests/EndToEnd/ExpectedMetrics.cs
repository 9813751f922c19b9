using System.Text.Json;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>The counts and rates of a metrics answer, comparable with plain equality.</summary>
internal sealed record ExpectedMetrics(
    long Sent,
    long Delivered,
    long Opened,
    long Clicked,
    long Bounced,
    long Complained,
    long Rejected,
    double? DeliveryRate,
    double? BounceRate,
    double? OpenRate,
    double? ClickRate,
    double? ComplaintRate)
{
    public static ExpectedMetrics FromResponse(JsonElement body) => new(
        body.GetProperty("sent").GetInt64(),
        body.GetProperty("delivered").GetInt64(),
        body.GetProperty("opened").GetInt64(),
        body.GetProperty("clicked").GetInt64(),
        body.GetProperty("bounced").GetInt64(),
        body.GetProperty("complained").GetInt64(),
        body.GetProperty("rejected").GetInt64(),
        Rate(body, "deliveryRate"),
        Rate(body, "bounceRate"),
        Rate(body, "openRate"),
        Rate(body, "clickRate"),
        Rate(body, "complaintRate"));

    private static double? Rate(JsonElement body, string name) =>
        body.GetProperty(name) is { ValueKind: not JsonValueKind.Null } value ? value.GetDouble() : null;
}
