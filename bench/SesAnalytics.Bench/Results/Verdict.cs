namespace SesAnalytics.Bench.Results;

/// <summary>How a figure compares with its target.</summary>
internal enum Verdict
{
    /// <summary>A figure shown for context; it has no target.</summary>
    Info,

    Pass,

    Miss,
}
