using Amazon.DynamoDBv2;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Bench.Hosting;
using SesAnalytics.Bench.Http;
using SesAnalytics.Bench.Results;
using SesAnalytics.Bench.Samples;
using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Tests.Aws;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Bench.Drain;

/// <summary>
/// Measures the drain (DrainService over the SQS queues and the DynamoDB tracking store) beside the transport
/// ceiling and the naive drain, each on its own freshly loaded queue on the same emulators, with the same
/// concurrency and the same delay before every AWS call.
/// </summary>
internal sealed class AwsDrainBench(AwsEmulators emulators, SampleCorpus corpus, TextWriter output)
{
    private const string Pipeline = PipelineDefaults.Outreach;

    public async Task<AwsDrainComparison> RunAsync(AwsDrainOptions options, CancellationToken cancellationToken)
    {
        using var sqs = EmulatorAws.CreateSqsClient(emulators);
        using var setupDynamo = AwsBenchClients.DynamoDb(emulators, new AwsCallCounter(), TimeSpan.Zero);
        await RawBodyTable.EnsureAsync(setupDynamo, cancellationToken);

        output.WriteLine(
            $"  {options.Messages} messages in {options.Rounds} round(s), sent over the last {options.SentSpread.TotalHours:F0} h; " +
            $"delay {options.Delay.TotalMilliseconds} ms, concurrency {options.Concurrency}");

        // The modes take turns in each round, so load from elsewhere on the machine falls on all three alike.
        DrainMeasurement? ceiling = null, naive = null, drain = null;
        for (var round = 0; round < options.Rounds; round++)
        {
            var now = DateTimeOffset.UtcNow;
            var messages = corpus.Generate(
                Share(options.Messages, options.Rounds, round), options.Mix, now, options.SentSpread, seed: 10 + round);
            var naiveMessages = corpus.Generate(
                Share(options.NaiveMessages, options.Rounds, round), options.Mix, now, options.SentSpread, seed: 100 + round);
            output.WriteLine(
                $"  round {round + 1}: {messages.Bodies.Count} messages carrying {messages.Events} events ({messages.DescribeMix()})");
            ceiling = DrainMeasurement.Sum(ceiling, await MeasureAsync(
                "transport ceiling",
                messages,
                sqs,
                options.Concurrency,
                (queue, clock, token) => RunReferenceAsync(queue, clock, options, ReferenceDrains.CeilingAsync, token),
                cancellationToken));
            naive = DrainMeasurement.Sum(naive, await MeasureAsync(
                "naive per-message",
                naiveMessages,
                sqs,
                options.Concurrency,
                (queue, clock, token) => RunReferenceAsync(queue, clock, options, ReferenceDrains.NaiveAsync, token),
                cancellationToken));
            drain = DrainMeasurement.Sum(drain, await MeasureAsync(
                "drain (DrainService)",
                messages,
                sqs,
                options.Concurrency,
                (queue, clock, token) => RunDrainAsync(queue, clock, options, messages, token),
                cancellationToken));
        }

        foreach (var total in new[] { ceiling!, naive!, drain! })
        {
            output.WriteLine(
                $"  total {total.Mode,-22} {total.Elapsed.TotalSeconds,8:F2} s {total.EventsPerSecond,9:F0} events/s " +
                $"{total.CallsPerThousandEvents,7:F0} calls/1k events, {total.OutsideCallsShare(options.Concurrency):P0} outside calls  " +
                $"[{total.Calls.Describe()}]");
        }

        return new AwsDrainComparison(options, drain!, ceiling!, naive!);
    }

    /// <summary>Round <paramref name="round"/>'s part of <paramref name="total"/>, the remainder going to the first rounds.</summary>
    private static int Share(int total, int rounds, int round) => (total / rounds) + (round < total % rounds ? 1 : 0);

    private async Task<DrainMeasurement> MeasureAsync(
        string mode,
        GeneratedMessages messages,
        IAmazonSQS sqs,
        int concurrency,
        Func<EmulatorPipeline, MeasurementClock, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken)
    {
        var queue = await EmulatorPipelineQueues.CreateAsync(
            emulators,
            Pipeline,
            rawMessageDelivery: true,
            maxReceiveCount: 5,
            visibilityTimeout: TimeSpan.FromMinutes(2));
        await QueueLoader.LoadAsync(sqs, queue.QueueUrl, messages.Bodies, cancellationToken);

        var clock = new MeasurementClock(new AwsCallCounter());
        var moved = await run(queue, clock, cancellationToken);
        var (elapsed, calls) = clock.Stop();

        var left = await QueueLoader.DepthAsync(sqs, queue.QueueUrl, cancellationToken);
        if (moved != messages.Bodies.Count || left != 0)
        {
            throw new InvalidOperationException(
                $"The {mode} moved {moved} of {messages.Bodies.Count} messages and left {left} on the queue.");
        }

        var measurement = new DrainMeasurement(mode, moved, messages.Events, elapsed, calls);
        output.WriteLine(
            $"  {mode,-22} {measurement.Elapsed.TotalSeconds,8:F2} s {measurement.EventsPerSecond,9:F0} events/s " +
            $"{measurement.CallsPerThousandEvents,7:F0} calls/1k events, {measurement.OutsideCallsShare(concurrency):P0} of the " +
            $"receivers' time outside calls; {MachineLoad.Describe()}  [{measurement.Calls.Describe()}]");
        return measurement;
    }

    private async Task<int> RunReferenceAsync(
        EmulatorPipeline queue,
        MeasurementClock clock,
        AwsDrainOptions options,
        Func<IAmazonSQS, IAmazonDynamoDB, string, int, TimeSpan, CancellationToken, Task<int>> reference,
        CancellationToken cancellationToken)
    {
        using var sqs = AwsBenchClients.Sqs(emulators, clock.Counter, options.Delay);
        using var dynamo = AwsBenchClients.DynamoDb(emulators, clock.Counter, options.Delay);
        clock.Start();
        return await reference(sqs, dynamo, queue.QueueUrl, options.Concurrency, options.ReceiveWait, cancellationToken);
    }

    /// <summary>Runs the drain as timer invocations would, until the queue is empty; checks its report.</summary>
    private async Task<int> RunDrainAsync(
        EmulatorPipeline queue,
        MeasurementClock clock,
        AwsDrainOptions options,
        GeneratedMessages messages,
        CancellationToken cancellationToken)
    {
        var settings = BenchSettings.Drain(options.Concurrency, options.ReceiveWait);
        foreach (var (key, value) in PipelineSettings(queue))
        {
            settings[key] = value;
        }

        await using var services = AwsBenchServices.Build(emulators, settings, clock.Counter, options.Delay);
        await TrackingTables.EnsureAsync(services, cancellationToken);
        var drain = services.GetRequiredService<DrainService>();
        using var plainSqs = EmulatorAws.CreateSqsClient(emulators);
        var (stored, events) = (0, 0);
        clock.Start();
        do
        {
            var report = await drain.DrainAsync(Pipeline, cancellationToken);
            stored += report.Stored;
            events += report.Events;
            if (report.Invalid > 0 || report.Ignored > 0)
            {
                throw new InvalidOperationException($"The drain found {report.Invalid} invalid and {report.Ignored} ignored messages.");
            }
        }
        while (await QueueLoader.DepthAsync(plainSqs, queue.QueueUrl, cancellationToken) > 0);

        if (events != messages.Events)
        {
            throw new InvalidOperationException($"The drain stored {events} events; the messages carry {messages.Events}.");
        }

        return stored;
    }

    /// <summary>The outreach pipeline on the fresh queue; the financial one on placeholders it never calls.</summary>
    private IEnumerable<KeyValuePair<string, string?>> PipelineSettings(EmulatorPipeline queue)
    {
        const string Prefix = "SesAnalytics:Pipelines:";
        yield return new($"{Prefix}{Pipeline}:QueueUrl", queue.QueueUrl);
        yield return new($"{Prefix}{Pipeline}:DeadLetterQueueUrl", queue.DeadLetterQueueUrl);
        var unused = new Uri(emulators.SqsSnsUrl, "000000000000/unused").ToString();
        yield return new($"{Prefix}{PipelineDefaults.Financial}:QueueUrl", unused);
        yield return new($"{Prefix}{PipelineDefaults.Financial}:DeadLetterQueueUrl", unused);
    }
}
