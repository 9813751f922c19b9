using System.ComponentModel.DataAnnotations;

namespace SesAnalytics.Aws;

/// <summary>
/// The <c>SesAnalytics:Aws</c> configuration section. When <see cref="Region"/> is set the app uses the AWS
/// providers; credentials come from the AWS SDK's default chain (environment, profile, role), never from here.
/// </summary>
public sealed class AwsOptions
{
    public const string SectionName = "SesAnalytics:Aws";

    /// <summary>AWS region of every service, e.g. <c>eu-west-1</c>. Required by the AWS providers.</summary>
    public string? Region { get; set; }

    /// <summary>SES v2 endpoint override (an emulator); null means <c>https://email.{Region}.amazonaws.com</c>.</summary>
    public string? SesServiceUrl { get; set; }

    /// <summary>SQS endpoint override (an emulator); null means the region's endpoint.</summary>
    public string? SqsServiceUrl { get; set; }

    /// <summary>DynamoDB endpoint override (an emulator); null means the region's endpoint.</summary>
    public string? DynamoDbServiceUrl { get; set; }

    /// <summary>DynamoDB table holding the suppression list.</summary>
    [Required]
    public string SuppressionTable { get; set; } = "ses-suppression-list";

    /// <summary>Most SES sends per second (one per recipient), kept under the account's sending rate.</summary>
    [Range(1, 10_000)]
    public int MaxSendsPerSecond { get; set; } = 14;

    /// <summary>Retries of a throttled SES send before the recipient is reported as failed; 0 turns retries off.</summary>
    [Range(0, 10)]
    public int MaxSendRetries { get; set; } = 4;

    /// <summary>First delay between throttled SES sends; it doubles with each retry, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan SendRetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a received message stays invisible to other receivers before it comes back.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "12:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
