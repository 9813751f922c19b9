namespace SesAnalytics.Cli.Output;

/// <summary>What <c>replay</c> put on a pipeline's queue: one message per file, in the order given.</summary>
internal sealed record ReplayResult(string Pipeline, int Queued, IReadOnlyList<string> Files);
