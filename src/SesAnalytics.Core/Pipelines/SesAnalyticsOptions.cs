using System.ComponentModel.DataAnnotations;

namespace SesAnalytics.Core.Pipelines;

/// <summary>The <c>SesAnalytics</c> configuration section: pipelines and the settings they share.</summary>
public sealed class SesAnalyticsOptions
{
    public const string SectionName = "SesAnalytics";

    /// <summary>Pipelines by id. Defaults are the contract's outreach and financial pipelines.</summary>
    public Dictionary<string, PipelineOptions> Pipelines { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// How long tracking records are kept (DynamoDB TTL, embedded purge), counted from each event's time: up to
    /// 100 years, so that imported history of any age can be kept.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Public base URL of this app, used to build unsubscribe links (https in production).</summary>
    [Required]
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:7071";

    /// <summary>Optional mailbox for <c>mailto:</c> unsubscribe, e.g. <c>unsubscribe@example.com</c>.</summary>
    public string? UnsubscribeMailto { get; set; }

    /// <summary>
    /// Base64 HMAC key signing unsubscribe tokens, at least 32 bytes. The embedded providers create and keep
    /// one in the data folder when none is given; with AWS providers it is required.
    /// </summary>
    public string UnsubscribeSigningKey { get; set; } = string.Empty;

    /// <summary>How long an unsubscribe link stays valid.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan UnsubscribeTokenLifetime { get; set; } = TimeSpan.FromDays(365);
}
