using System.ComponentModel.DataAnnotations;

namespace SesAnalytics.Core.Health;

/// <summary>The <c>SesAnalytics:Health</c> section: when a pipeline counts as unhealthy.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "SesAnalytics:Health";

    /// <summary>A waiting message older than this means the drain is not keeping up or not running.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan MaxOldestMessageAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Dead letters at or above this count make the pipeline unhealthy until inspected and replayed.</summary>
    [Range(1, int.MaxValue)]
    public int MaxDeadLetters { get; set; } = 1;

    /// <summary>
    /// Sends with no delivery, bounce or other outcome for this long make a pipeline quiet: the way a missing
    /// event publisher or processor shows itself.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan QuietAfter { get; set; } = TimeSpan.FromHours(2);
}
