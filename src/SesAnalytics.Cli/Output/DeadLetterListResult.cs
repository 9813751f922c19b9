namespace SesAnalytics.Cli.Output;

/// <summary>The dead letters of a pipeline that <c>dead-letters list</c> read.</summary>
internal sealed record DeadLetterListResult(string Pipeline, IReadOnlyList<DeadLetterItem> DeadLetters);
