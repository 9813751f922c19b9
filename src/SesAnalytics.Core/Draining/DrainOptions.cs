using System.ComponentModel.DataAnnotations;

namespace SesAnalytics.Core.Draining;

/// <summary>The <c>SesAnalytics:Drain</c> section: how a timer invocation drains a pipeline's queue.</summary>
public sealed class DrainOptions
{
    public const string SectionName = "SesAnalytics:Drain";

    /// <summary>Messages asked for per receive (SQS allows 1 to 10).</summary>
    [Range(1, 10)]
    public int BatchSize { get; set; } = 10;

    /// <summary>How long one receive waits for messages (long polling); zero returns at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:20")]
    public TimeSpan ReceiveWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Receivers draining one pipeline at the same time.</summary>
    [Range(1, 32)]
    public int ConcurrentReceivers { get; set; } = 2;

    /// <summary>After this long an invocation takes no new batch, so it ends well inside the function timeout.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:09:00")]
    public TimeSpan TimeBudget { get; set; } = TimeSpan.FromMinutes(4);

    /// <summary>While a batch is being stored, its messages are kept invisible this much longer, again and again.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:10:00")]
    public TimeSpan VisibilityExtension { get; set; } = TimeSpan.FromSeconds(60);
}
