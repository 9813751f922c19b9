using System.Globalization;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Bench.Hosting;
using SesAnalytics.Bench.Http;
using SesAnalytics.Bench.Metrics;
using SesAnalytics.Bench.Results;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Bench.Commands;

/// <summary>Runs the metrics latency benchmark on the embedded store and the DynamoDB store, small and large.</summary>
internal static class MetricsRuns
{
    public const double MaxLatencyRatio = 1.5;

    public static MetricsTarget Embedded(int eventsPerStore) => new(
        "embedded",
        (_, _) =>
        {
            var dataPath = Directory.CreateTempSubdirectory("sesanalytics-metrics-").FullName;
            var services = EmbeddedBenchServices.Build(dataPath, BenchSettings.Drain(1, TimeSpan.Zero));
            var lifetime = new AsyncLifetime(async () =>
            {
                await services.DisposeAsync();
                Directory.Delete(dataPath, recursive: true);
            });
            return Task.FromResult<(ITrackingStore, IAsyncDisposable)>((services.GetRequiredService<ITrackingStore>(), lifetime));
        },
        LoadParallelism: 1,
        eventsPerStore,
        Settle: TimeSpan.Zero,
        Calls: null);

    /// <summary>The DynamoDB store on dynalite; each size gets its own table.</summary>
    public static MetricsTarget DynamoDb(AwsEmulators emulators, int parallelism, int eventsPerStore)
    {
        var counter = new AwsCallCounter();
        var probeClient = AwsBenchClients.DynamoDb(emulators, new AwsCallCounter(), TimeSpan.Zero);
        var tables = new Dictionary<ITrackingStore, string>();
        return new MetricsTarget(
            "dynamodb",
            async (size, cancellationToken) =>
            {
                var settings = BenchSettings.Drain(1, TimeSpan.Zero);
                var unused = new Uri(emulators.SqsSnsUrl, "000000000000/unused").ToString();
                foreach (var pipeline in new[] { PipelineDefaults.Outreach, PipelineDefaults.Financial })
                {
                    settings[$"SesAnalytics:Pipelines:{pipeline}:QueueUrl"] = unused;
                    settings[$"SesAnalytics:Pipelines:{pipeline}:DeadLetterQueueUrl"] = unused;
                    settings[$"SesAnalytics:Pipelines:{pipeline}:Table"] =
                        $"{pipeline}-metrics-{size.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}"[..40];
                }

                var services = AwsBenchServices.Build(emulators, settings, counter, TimeSpan.Zero);
                await TrackingTables.EnsureAsync(services, cancellationToken);
                var store = services.GetRequiredService<ITrackingStore>();
                tables[store] = settings[$"SesAnalytics:Pipelines:{PipelineDefaults.Outreach}:Table"]!;
                return (store, services);
            },
            parallelism,
            eventsPerStore,
            Settle: DailyAggregates.Skew + TimeSpan.FromSeconds(3),
            counter,
            (store, cancellationToken) => probeClient.GetItemAsync(
                new GetItemRequest
                {
                    TableName = tables[store],
                    Key = new Dictionary<string, AttributeValue>
                    {
                        [TrackingSchema.Pk] = new() { S = "bench-probe" },
                        [TrackingSchema.Sk] = new() { S = "missing" },
                    },
                    ConsistentRead = true,
                },
                cancellationToken));
    }

    public static async Task<List<ResultRow>> RunAsync(
        MetricsTarget target,
        int small,
        int large,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        output.WriteLine($"Metrics latency, {target.Name} store:");
        var bench = new MetricsBench(output);
        var smallRun = await bench.RunAsync(target, small, cancellationToken);
        var largeRun = await bench.RunAsync(target, large, cancellationToken);
        var rows = new List<ResultRow>
        {
            Row(target.Name, "one month", small, large, smallRun.Month, largeRun.Month),
            Row(target.Name, "everything", small, large, smallRun.All, largeRun.All),
            Row(target.Name, "everything right after a write", small, large, smallRun.AllAfterWrite, largeRun.AllAfterWrite),
            ResultRow.Info(
                $"Metrics, {target.Name}: first month call after loading",
                $"{largeRun.FirstMonth.TotalMilliseconds:F1} ms at {large:N0}, " +
                $"{smallRun.FirstMonth.TotalMilliseconds:F1} ms at {small:N0}"),
            ResultRow.Info(
                $"Metrics, {target.Name}: loading {large:N0} messages",
                $"{largeRun.Load.TotalSeconds:F0} s ({largeRun.Events:N0} events, {largeRun.LoadEventsPerSecond:F0} events/s, " +
                $"{target.LoadParallelism} StoreAsync calls at once)"),
        };
        if (smallRun.Probe is { } smallProbe && largeRun.Probe is { } largeProbe)
        {
            rows.Add(ResultRow.Info(
                $"Metrics, {target.Name}: backend's own latency (GetItem of a missing key) at {large:N0} / at {small:N0}",
                $"{largeProbe.MedianMs / smallProbe.MedianMs:F2} (median {largeProbe.MedianMs:F2} vs {smallProbe.MedianMs:F2} ms)"));
        }

        if (largeRun.CallsPerQuery is { } calls)
        {
            rows.Add(ResultRow.Info(
                $"Metrics, {target.Name}: AWS calls per GetCountsAsync at {large:N0}",
                calls.ToString("F1", CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    private static ResultRow Row(string store, string window, int small, int large, LatencySample atSmall, LatencySample atLarge)
    {
        var ratio = atLarge.MedianMs / atSmall.MedianMs;
        return ResultRow.Check(
            $"Metrics, {store}, {window}: latency at {large:N0} / at {small:N0} messages",
            $"{ratio:F2} (median {atLarge.MedianMs:F2} vs {atSmall.MedianMs:F2} ms; p95 {atLarge.P95Ms:F2} vs {atSmall.P95Ms:F2} ms)",
            $"≤ {MaxLatencyRatio}",
            ratio <= MaxLatencyRatio);
    }
}
