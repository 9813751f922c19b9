using System.ComponentModel.DataAnnotations;

namespace SesAnalytics.Embedded;

/// <summary>
/// The <c>SesAnalytics:Embedded</c> configuration section: where the embedded providers keep their data and how
/// their queues behave.
/// </summary>
public sealed class EmbeddedOptions
{
    public const string SectionName = "SesAnalytics:Embedded";

    /// <summary>
    /// Folder holding the database, the signing key and the outbox. The app and the command line share it, so
    /// give an absolute path when they run from different working folders. Created when missing.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string DataPath { get; set; } = Path.Combine(
        Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
        "SesAnalytics");

    /// <summary>How long a received queue message stays invisible before it is handed out again (SQS: 1 s to 12 h).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "12:00:00")]
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Receives after which a message that was never deleted moves to the dead-letter queue (SQS: 1 to 1000).</summary>
    [Range(1, 1000)]
    public int MaxReceiveCount { get; set; } = 5;
}
