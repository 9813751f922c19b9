namespace SesAnalytics.Core.Sending;

/// <summary>Inline template parts given in a send request instead of a template name.</summary>
public sealed record TemplateContent(string Subject, string? Html, string? Text);
