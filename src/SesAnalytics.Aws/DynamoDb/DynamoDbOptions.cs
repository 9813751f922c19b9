using System.ComponentModel.DataAnnotations;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// The DynamoDB settings of the <c>SesAnalytics:Aws</c> configuration section (the section also holds the other
/// AWS settings; each options class reads its own keys).
/// </summary>
public sealed class DynamoDbOptions
{
    public const string SectionName = "SesAnalytics:Aws";

    /// <summary>DynamoDB table holding the suppression list (partition key <c>email</c>, sort key <c>scope</c>).</summary>
    [Required]
    public string SuppressionTable { get; set; } = "ses-suppression-list";

    /// <summary>
    /// Calls made for one chunk of a batch write (at most 25 items) while DynamoDB leaves items unprocessed, before
    /// the write fails and the events stay on their queue.
    /// </summary>
    [Range(2, 20)]
    public int BatchWriteMaxAttempts { get; set; } = 8;

    /// <summary>Wait before the first repeat of a batch write; it doubles with each repeat, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan BatchWriteRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(50);
}
