using SesAnalytics.Core.Events;

namespace SesAnalytics.Core.Tracking;

/// <summary>One page of a tracking query; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record TrackingPage(IReadOnlyList<TrackingEvent> Items, string? NextToken);
