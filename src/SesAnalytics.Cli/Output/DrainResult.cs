using SesAnalytics.Core.Draining;

namespace SesAnalytics.Cli.Output;

/// <summary>A drain's report as <c>drain --json</c> writes it; the counts mean what <see cref="DrainReport"/> says.</summary>
internal sealed record DrainResult(
    string Pipeline,
    int Received,
    int Stored,
    int Ignored,
    int Invalid,
    int StoreFailures,
    int Events,
    int Batches,
    long DurationMs)
{
    public static DrainResult From(string pipeline, DrainReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new DrainResult(
            pipeline,
            report.Received,
            report.Stored,
            report.Ignored,
            report.Invalid,
            report.StoreFailures,
            report.Events,
            report.Batches,
            (long)report.Duration.TotalMilliseconds);
    }
}
