namespace SesAnalytics.Bench.Drain;

/// <summary>The drain and its two references, measured in one run on the same emulators with the same delay.</summary>
internal sealed record AwsDrainComparison(
    AwsDrainOptions Options,
    DrainMeasurement Drain,
    DrainMeasurement Ceiling,
    DrainMeasurement Naive)
{
    /// <summary>Drain's calls per event over the ceiling's (target: at most 1.2).</summary>
    public double CallsRatio => Drain.CallsPerThousandEvents / Ceiling.CallsPerThousandEvents;

    /// <summary>Drain's events per second over the ceiling's (target with the delay: at least 0.8).</summary>
    public double CeilingThroughputRatio => Drain.EventsPerSecond / Ceiling.EventsPerSecond;

    /// <summary>Drain's events per second over the naive drain's (target with the delay: at least 5).</summary>
    public double NaiveThroughputRatio => Drain.EventsPerSecond / Naive.EventsPerSecond;
}
