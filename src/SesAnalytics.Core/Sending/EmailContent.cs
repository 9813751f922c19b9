namespace SesAnalytics.Core.Sending;

/// <summary>
/// What an email says: either a stored SES template by <see cref="TemplateName"/>, or inline template content
/// (<see cref="Subject"/>, <see cref="Html"/>, <see cref="Text"/>) as SES's inline templates allow. Both are
/// Handlebars templates rendered with <see cref="TemplateDataJson"/>.
/// </summary>
public sealed record EmailContent
{
    public string? TemplateName { get; init; }

    public string? Subject { get; init; }

    public string? Html { get; init; }

    public string? Text { get; init; }

    /// <summary>A JSON object; <c>{}</c> when the request gave none.</summary>
    public string TemplateDataJson { get; init; } = "{}";

    public bool IsInline => TemplateName is null;
}
