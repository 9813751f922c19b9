namespace SesAnalytics.Embedded.Sending;

/// <summary>A template rendered with its data: what the message says.</summary>
internal sealed record RenderedEmail(string Subject, string? Html, string? Text);
