namespace SesAnalytics.Cli.Output;

/// <summary>The stored templates' names.</summary>
internal sealed record TemplateListResult(IReadOnlyList<string> Templates);
