namespace SesAnalytics.Core.Sending;

/// <summary>What is wrong with one parameter or field of a caller's request.</summary>
public sealed record RequestProblem(string Parameter, string Detail);
