namespace SesAnalytics.Core.Sending;

/// <summary>A validated send request (see <see cref="SendRequestParser"/>).</summary>
public sealed record SendRequest
{
    /// <summary>Bare, lower-cased, distinct addresses.</summary>
    public required IReadOnlyList<string> To { get; init; }

    public required string CampaignId { get; init; }

    public string? TemplateName { get; init; }

    public TemplateContent? TemplateContent { get; init; }

    /// <summary>The request's <c>templateData</c> object as JSON; <c>{}</c> when absent.</summary>
    public string TemplateDataJson { get; init; } = "{}";

    /// <summary>Extra SES tags, without <c>campaign</c>.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The financial route's report id, sent as the <c>reportId</c> tag.</summary>
    public string? ReportId { get; init; }
}
