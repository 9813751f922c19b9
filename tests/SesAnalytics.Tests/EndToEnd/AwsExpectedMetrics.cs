namespace SesAnalytics.Tests.EndToEnd;

/// <summary>The expected answer of the metrics route: unique messages per event type, and rates (null for no data).</summary>
internal sealed record AwsExpectedMetrics(
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
    double? ComplaintRate);
