using System.ComponentModel.DataAnnotations;

namespace SesAnalytics.Core.Pipelines;

/// <summary>One email stream. Every pipeline runs the same code; only this configuration differs.</summary>
public sealed class PipelineOptions
{
    /// <summary>The pipeline id used in routes and the command line (<c>outreach</c>, <c>financial</c>).</summary>
    [Required]
    [RegularExpression("^[a-z][a-z0-9-]{0,39}$")]
    public string Id { get; set; } = string.Empty;

    /// <summary>SES configuration set every send of this pipeline carries.</summary>
    [Required]
    public string ConfigurationSet { get; set; } = string.Empty;

    /// <summary>SNS topic SES publishes this pipeline's events to.</summary>
    [Required]
    public string Topic { get; set; } = string.Empty;

    /// <summary>DynamoDB table (or embedded table name) holding the tracking records.</summary>
    [Required]
    public string Table { get; set; } = string.Empty;

    /// <summary>SQS queue URL mirroring <see cref="Topic"/>; empty with the embedded providers.</summary>
    public string QueueUrl { get; set; } = string.Empty;

    /// <summary>SQS dead-letter queue URL of <see cref="QueueUrl"/>; empty with the embedded providers.</summary>
    public string DeadLetterQueueUrl { get; set; } = string.Empty;

    /// <summary>Sender address (<c>From</c>) of this pipeline's email.</summary>
    [Required]
    public string FromAddress { get; set; } = string.Empty;

    /// <summary>Whether sends carry List-Unsubscribe headers and unsubscribes suppress this pipeline.</summary>
    public bool Unsubscribable { get; set; } = true;

    /// <summary>Largest number of recipients one send request may name.</summary>
    [Range(1, 50)]
    public int MaxRecipientsPerRequest { get; set; } = 50;
}
