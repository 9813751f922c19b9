namespace SesAnalytics.Cli.Output;

/// <summary>A stored template as <c>templates get --json</c> writes it.</summary>
internal sealed record TemplateResult(string Name, string Subject, string? Html, string? Text);
