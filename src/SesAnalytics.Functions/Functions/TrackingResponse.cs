namespace SesAnalytics.Functions.Functions;

/// <summary>A page of tracking records; <see cref="NextToken"/> is null on the last page.</summary>
public sealed record TrackingResponse(IReadOnlyList<TrackingItem> Items, int Count, string? NextToken);
