namespace SesAnalytics.Aws.Ses.Api;

/// <summary>SES <c>EmailTemplateContent</c>: Handlebars subject, HTML and text parts.</summary>
internal sealed record SesTemplateContent
{
    public string? Subject { get; init; }

    public string? Html { get; init; }

    public string? Text { get; init; }
}
