using System.Globalization;
using SesAnalytics.Bench.Drain;
using SesAnalytics.Bench.Results;
using SesAnalytics.Bench.Samples;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Bench.Commands;

/// <summary>Runs the drain benchmarks and turns their measurements into result rows.</summary>
internal static class DrainRuns
{
    public const double MaxCallsRatio = 1.2;
    public const double MinCeilingRatio = 0.8;
    public const double MinNaiveRatio = 5;

    /// <summary>The AWS drain twice: as the emulators answer, then with <paramref name="delay"/> before every call.</summary>
    public static async Task<List<ResultRow>> AwsAsync(
        AwsEmulators emulators,
        AwsDrainOptions options,
        TimeSpan delay,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        var bench = new AwsDrainBench(emulators, SampleCorpus.Load(), output);
        var rows = new List<ResultRow>();
        foreach (var runDelay in new[] { TimeSpan.Zero, delay })
        {
            var label = runDelay == TimeSpan.Zero ? "no added delay" : $"{runDelay.TotalMilliseconds:F0} ms delay";
            output.WriteLine($"AWS drain, {label}:");
            var comparison = await bench.RunAsync(options with { Delay = runDelay }, cancellationToken);
            rows.AddRange(Rows(comparison, label, checkThroughput: runDelay > TimeSpan.Zero));
            output.WriteLine(
                $"  ratios: calls per event {comparison.CallsRatio:F2} x ceiling; " +
                $"throughput {comparison.CeilingThroughputRatio:F2} x ceiling, {comparison.NaiveThroughputRatio:F1} x naive");
        }

        return rows;
    }

    public static async Task<List<ResultRow>> EmbeddedAsync(
        int messages,
        int concurrency,
        SampleMix mix,
        TimeSpan sentSpread,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        output.WriteLine("Embedded drain:");
        var measurement = await new EmbeddedDrainBench(SampleCorpus.Load(), output)
            .RunAsync(messages, concurrency, mix, sentSpread, cancellationToken);
        return
        [
            ResultRow.Info(
                "Embedded drain (SQLite queue and store)",
                $"{measurement.EventsPerSecond:F0} events/s ({measurement.Events} events of {measurement.Messages} messages " +
                $"in {measurement.Elapsed.TotalSeconds:F1} s)"),
        ];
    }

    private static IEnumerable<ResultRow> Rows(AwsDrainComparison c, string label, bool checkThroughput)
    {
        var (drain, ceiling, naive) = (c.Drain, c.Ceiling, c.Naive);
        yield return ResultRow.Check(
            $"AWS drain, {label}: calls per event / ceiling's",
            $"{c.CallsRatio:F2} ({drain.CallsPerThousandEvents:F0} vs {ceiling.CallsPerThousandEvents:F0} calls per 1k events)",
            $"≤ {MaxCallsRatio}",
            c.CallsRatio <= MaxCallsRatio);
        var ceilingText = $"{c.CeilingThroughputRatio:F2} ({Rate(drain)} vs {Rate(ceiling)} events/s)";
        var naiveText = $"{c.NaiveThroughputRatio:F1} ({Rate(drain)} vs {Rate(naive)} events/s)";
        if (checkThroughput)
        {
            yield return ResultRow.Check(
                $"AWS drain, {label}: throughput / ceiling's",
                ceilingText,
                $"≥ {MinCeilingRatio}",
                c.CeilingThroughputRatio >= MinCeilingRatio);
            yield return ResultRow.Check(
                $"AWS drain, {label}: throughput / naive drain's",
                naiveText,
                $"≥ {MinNaiveRatio}",
                c.NaiveThroughputRatio >= MinNaiveRatio);
        }
        else
        {
            yield return ResultRow.Info($"AWS drain, {label}: throughput / ceiling's", ceilingText);
            yield return ResultRow.Info($"AWS drain, {label}: throughput / naive drain's", naiveText);
        }
    }

    private static string Rate(DrainMeasurement m) => m.EventsPerSecond.ToString("F0", CultureInfo.InvariantCulture);
}
