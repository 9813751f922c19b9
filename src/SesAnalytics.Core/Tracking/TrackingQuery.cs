using SesAnalytics.Core.Events;

namespace SesAnalytics.Core.Tracking;

/// <summary>
/// A page of tracking records: events whose timestamp falls in <see cref="Window"/>, newest last, optionally
/// filtered. <see cref="NextToken"/> continues a previous page of the same query.
/// </summary>
public sealed record TrackingQuery
{
    public const int MaxLimit = 500;

    public required TimeWindow Window { get; init; }

    public string? Email { get; init; }

    public string? CampaignId { get; init; }

    public SesEventType? EventType { get; init; }

    public int Limit { get; init; } = MaxLimit;

    public string? NextToken { get; init; }
}
