using System.Diagnostics;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using SesAnalytics.Bench.Reader;
using SesAnalytics.Bench.Results;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Bench.Commands;

/// <summary>Runs <see cref="ReaderBenchmarks"/> with BenchmarkDotNet, in this process, pinned to one core.</summary>
internal static class ReaderRuns
{
    public const double MinMessagesPerSecond = 50_000;

    public static List<ResultRow> Run(bool quick, TextWriter output)
    {
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance);
        if (quick)
        {
            job = job.WithLaunchCount(1).WithWarmupCount(3).WithIterationCount(10);
        }

        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(Path.Combine(RepositoryPaths.Root, "bench", "BenchmarkDotNet.Artifacts"));

        var summary = OnOneCore(() => BenchmarkRunner.Run<ReaderBenchmarks>(config), output);

        var rows = new List<ResultRow>();
        foreach (var report in summary.Reports)
        {
            var shape = (string)report.BenchmarkCase.Parameters[nameof(ReaderBenchmarks.Shape)];
            var statistics = report.ResultStatistics
                ?? throw new InvalidOperationException($"The reader benchmark for {shape} produced no result.");
            var perSecond = 1e9 / statistics.Mean;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
            var measured = $"{perSecond:N0} messages/s ({statistics.Mean / 1000:F1} µs and {allocated:N0} B allocated per message)";
            var name = $"Reader, {shape}, one core";
            rows.Add(shape == ReaderBenchmarks.Mixed
                ? ResultRow.Check(name, measured, $"> {MinMessagesPerSecond:N0}/s", perSecond > MinMessagesPerSecond)
                : ResultRow.Info(name, measured));
        }

        output.WriteLine($"Reader results: {summary.ResultsDirectoryPath}");
        return rows;
    }

    /// <summary>Runs <paramref name="run"/> with this whole process (the runtime's own threads included) on the first core.</summary>
    private static T OnOneCore<T>(Func<T> run, TextWriter output)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows())
        {
            output.WriteLine("This system does not let a process choose its cores: the reader runs unpinned.");
            return run();
        }

        using var process = Process.GetCurrentProcess();
        var affinity = process.ProcessorAffinity;
        process.ProcessorAffinity = 1;
        try
        {
            return run();
        }
        finally
        {
            process.ProcessorAffinity = affinity;
        }
    }
}
