using System.ComponentModel.DataAnnotations;

namespace SesAnalytics.Core.Suppression;

/// <summary>The <c>SesAnalytics:Suppression</c> section: when events suppress an address.</summary>
public sealed class SuppressionOptions
{
    public const string SectionName = "SesAnalytics:Suppression";

    /// <summary>Transient (soft) bounces of one address within <see cref="SoftBounceWindow"/> that suppress it.</summary>
    [Range(1, 100)]
    public int SoftBounceThreshold { get; set; } = 3;

    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan SoftBounceWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Whether a complaint stops every pipeline (the default, as SES's account-level list does) or only the
    /// pipeline whose email was complained about.
    /// </summary>
    public bool ComplaintSuppressesAllPipelines { get; set; } = true;
}
