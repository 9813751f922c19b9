namespace SesAnalytics.Aws.Ses.Api;

/// <summary>SES <c>Template</c>: a stored template by name or inline content, its data and extra headers.</summary>
internal sealed record SesTemplate
{
    public string? TemplateName { get; init; }

    public SesTemplateContent? TemplateContent { get; init; }

    /// <summary>A JSON object as a string.</summary>
    public string? TemplateData { get; init; }

    public IReadOnlyList<SesNameValue>? Headers { get; init; }
}
