namespace SesAnalytics.Cli.Output;

/// <summary>The event <c>engage</c> published: <c>OPEN</c> or <c>CLICK</c> (with the link given, if any).</summary>
internal sealed record EngageResult(string Pipeline, string MessageId, string EventType, string? Link);
