namespace SesAnalytics.Cli.Output;

/// <summary>How many dead letters <c>dead-letters replay</c> moved back onto the pipeline's queue.</summary>
internal sealed record RedriveResult(string Pipeline, int Moved);
