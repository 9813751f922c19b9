namespace SesAnalytics.Core.Sending;

/// <summary>An SES template: a name, and Handlebars subject, HTML and text parts.</summary>
public sealed record EmailTemplate(string Name, string Subject, string? Html, string? Text);
