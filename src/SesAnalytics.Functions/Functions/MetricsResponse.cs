namespace SesAnalytics.Functions.Functions;

/// <summary>
/// Engagement metrics of a pipeline for the messages sent in a window. Rates are fractions (0.25 is 25%) and
/// null when there is nothing to divide by or no outcome event at all: "no data", never "0%".
/// </summary>
public sealed record MetricsResponse(
    string Pipeline,
    string? From,
    string? To,
    string? CampaignId,
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
