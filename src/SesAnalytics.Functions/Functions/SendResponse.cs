namespace SesAnalytics.Functions.Functions;

/// <summary>The 202 answer of a send route: one result per recipient.</summary>
public sealed record SendResponse(IReadOnlyList<SendResult> Results);
