namespace SesAnalytics.Cli.Output;

/// <summary>What <c>templates put</c> or <c>templates delete</c> did: <c>saved</c> or <c>deleted</c>.</summary>
internal sealed record TemplateChangeResult(string Name, string Action);
