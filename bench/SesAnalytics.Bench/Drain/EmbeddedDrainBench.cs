using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Bench.Hosting;
using SesAnalytics.Bench.Http;
using SesAnalytics.Bench.Samples;
using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;

namespace SesAnalytics.Bench.Drain;

/// <summary>The drain over the embedded providers (SQLite queue and tracking store in a fresh data folder): no AWS calls.</summary>
internal sealed class EmbeddedDrainBench(SampleCorpus corpus, TextWriter output)
{
    private const string Pipeline = PipelineDefaults.Outreach;
    private const int LoadChunk = 500;

    public async Task<DrainMeasurement> RunAsync(
        int count,
        int concurrency,
        SampleMix mix,
        TimeSpan sentSpread,
        CancellationToken cancellationToken)
    {
        var dataPath = Directory.CreateTempSubdirectory("sesanalytics-bench-").FullName;
        try
        {
            var messages = corpus.Generate(count, mix, DateTimeOffset.UtcNow, sentSpread, seed: 3);
            output.WriteLine($"  {count} messages carrying {messages.Events} events ({messages.DescribeMix()}); data in {dataPath}");
            await using var services = EmbeddedBenchServices.Build(dataPath, BenchSettings.Drain(concurrency, TimeSpan.Zero));
            var queues = services.GetRequiredService<IEventQueues>();
            foreach (var chunk in messages.Bodies.Chunk(LoadChunk))
            {
                await queues.SendAsync(Pipeline, chunk, cancellationToken);
            }

            var drain = services.GetRequiredService<DrainService>();
            var (stored, events) = (0, 0);
            var stopwatch = Stopwatch.StartNew();
            do
            {
                var report = await drain.DrainAsync(Pipeline, cancellationToken);
                stored += report.Stored;
                events += report.Events;
            }
            while ((await queues.GetStatusAsync(Pipeline, cancellationToken)) is { Visible: > 0 } or { InFlight: > 0 });

            stopwatch.Stop();
            if (stored != count || events != messages.Events)
            {
                throw new InvalidOperationException(
                    $"The embedded drain stored {stored} of {count} messages and {events} of {messages.Events} events.");
            }

            var measurement = new DrainMeasurement("embedded drain", stored, events, stopwatch.Elapsed, CallCounts.None);
            output.WriteLine(
                $"  {measurement.Mode,-22} {measurement.Elapsed.TotalSeconds,8:F2} s {measurement.EventsPerSecond,9:F0} events/s " +
                $"{measurement.MessagesPerSecond,9:F0} messages/s");
            return measurement;
        }
        finally
        {
            Directory.Delete(dataPath, recursive: true);
        }
    }
}
