using SesAnalytics.Core.Events;

namespace SesAnalytics.Core.Tracking;

/// <summary>The parameters shared by the tracking and metrics routes, validated.</summary>
public sealed record TrackingRequest(
    TimeWindow? Window,
    string? Email,
    string? CampaignId,
    SesEventType? EventType,
    int Limit,
    string? NextToken);
