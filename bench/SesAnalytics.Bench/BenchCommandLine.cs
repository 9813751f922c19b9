using System.CommandLine;
using SesAnalytics.Bench.Commands;
using SesAnalytics.Bench.Drain;
using SesAnalytics.Bench.Results;
using SesAnalytics.Bench.Samples;

namespace SesAnalytics.Bench;

/// <summary>
/// <c>dotnet run -c Release --project bench/SesAnalytics.Bench -- COMMAND [options]</c>: the benchmarks, run on
/// demand. Each prints its measurements as it goes and a table of figures against their targets at the end.
/// </summary>
internal static class BenchCommandLine
{
    private static readonly Option<int> Messages = new("--messages")
    {
        Description = "Messages the drain and the transport ceiling move (default 20,000).",
        DefaultValueFactory = _ => 20_000,
    };

    private static readonly Option<int> NaiveMessages = new("--naive-messages")
    {
        Description = "Messages the naive per-message drain moves; it is slow and its rate steady (default 2,000).",
        DefaultValueFactory = _ => 2_000,
    };

    private static readonly Option<int> Concurrency = new("--concurrency")
    {
        Description = "Receivers working a queue at once, the same for the drain and both references "
            + "(default 2, the drain's own default).",
        DefaultValueFactory = _ => 2,
    };

    private static readonly Option<int> DelayMs = new("--delay-ms")
    {
        Description = "Delay added before every AWS call in the second run, as a call from Azure to AWS takes (default 20).",
        DefaultValueFactory = _ => 20,
    };

    private static readonly Option<int> ReceiveWaitMs = new("--receive-wait-ms")
    {
        Description = "Long-poll wait of each receive; every mode stops at its first empty receive (default 0).",
        DefaultValueFactory = _ => 0,
    };

    private static readonly Option<SampleMix> Mix = new("--mix")
    {
        Description = "typical: weighted as a sending pipeline's events are (mostly sends, deliveries, opens, clicks); "
            + "uniform: every readable sample in turn (many bounces and complaints). Default typical.",
        DefaultValueFactory = _ => SampleMix.Typical,
    };

    private static readonly Option<int> Rounds = new("--rounds")
    {
        Description = "Rounds the messages are split into; the drain and both references take turns in each, so load "
            + "from other work on the machine falls on all three alike (default 4).",
        DefaultValueFactory = _ => 4,
    };

    private static readonly Option<int> SentSpreadHours = new("--sent-spread-hours")
    {
        Description = "The drained messages were sent within this many hours before now, as a live queue's events "
            + "mostly are (default 48).",
        DefaultValueFactory = _ => 48,
    };

    private static readonly Option<int> Small = new("--small")
    {
        Description = "Tracked messages of the small metrics store (default 1,000).",
        DefaultValueFactory = _ => 1_000,
    };

    private static readonly Option<int> Large = new("--large")
    {
        Description = "Tracked messages of the large metrics store (default 1,000,000).",
        DefaultValueFactory = _ => 1_000_000,
    };

    private static readonly Option<int> DynamoLarge = new("--dynamodb-large")
    {
        Description = "Tracked messages of the large DynamoDB store, when loading dynalite with --large takes too long "
            + "(default: --large).",
    };

    private static readonly Option<MetricsStores> Stores = new("--stores")
    {
        Description = "Stores the metrics benchmark loads: embedded, dynamodb or both (default both).",
        DefaultValueFactory = _ => MetricsStores.Both,
    };

    private static readonly Option<int> LoadParallelism = new("--load-parallelism")
    {
        Description = "StoreAsync calls at once while loading the DynamoDB store (default 8).",
        DefaultValueFactory = _ => 8,
    };

    private static readonly Option<int> EventsPerStore = new("--events-per-store")
    {
        Description = "Events per StoreAsync call while loading a metrics store (default 250 for DynamoDB, 5,000 embedded).",
    };

    private static readonly Option<bool> Quick = new("--quick")
    {
        Description = "Fewer BenchmarkDotNet iterations for the reader (3 warm-up, 10 measured).",
    };

    public static Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand(
            "SesAnalytics benchmarks, run on demand (never in CI). Each command prints its measurements and a table of "
            + "figures against their targets. Emulators (fauxqs, dynalite, aws-ses-v2-local) start on loopback ports "
            + "from emulators/ as the tests start them.")
        {
            DrainAwsCommand(),
            DrainEmbeddedCommand(),
            MetricsCommand(),
            ReaderCommand(),
            AllCommand(),
        };

        // On Ctrl+C the token is cancelled and the run gets this long to stop its emulators before the process ends.
        var configuration = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(30) };
        return root.Parse(args).InvokeAsync(configuration);
    }

    private static Command DrainAwsCommand()
    {
        var command = new Command(
            "drain-aws",
            "Drain throughput over the AWS providers: N messages drained by DrainService into the DynamoDB store, beside "
            + "the transport ceiling (receive 10, BatchWriteItem, DeleteMessageBatch) and the naive drain (receive 1, "
            + "PutItem, DeleteMessage), in events per second and AWS calls per 1,000 events; once as the emulators "
            + "answer and once with --delay-ms before every call.")
        {
            Messages, NaiveMessages, Concurrency, DelayMs, ReceiveWaitMs, Mix, Rounds, SentSpreadHours,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Started();
            var rows = await BenchEmulators.UseAsync(
                Console.Out,
                emulators => DrainRuns.AwsAsync(emulators, DrainOptions(parse), Delay(parse), Console.Out, cancellationToken));
            ResultTable.Write(Console.Out, rows);
            return 0;
        });
        return command;
    }

    private static Command DrainEmbeddedCommand()
    {
        var command = new Command(
            "drain-embedded",
            "Drain throughput over the embedded providers (SQLite queue and store, no AWS calls), in events per second.")
        {
            Messages, Concurrency, Mix, SentSpreadHours,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Started();
            var rows = await EmbeddedDrainAsync(parse, cancellationToken);
            ResultTable.Write(Console.Out, rows);
            return 0;
        });
        return command;
    }

    private static Command MetricsCommand()
    {
        var command = new Command(
            "metrics",
            "Metrics latency: ITrackingStore.GetCountsAsync over a month and over everything, for one pipeline with "
            + "--small and --large tracked messages, on the embedded store and the DynamoDB store (dynalite); "
            + "prints how long loading took.")
        {
            Small, Large, DynamoLarge, Stores, LoadParallelism, EventsPerStore,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Started();
            var rows = await MetricsAsync(parse, cancellationToken);
            ResultTable.Write(Console.Out, rows);
            return 0;
        });
        return command;
    }

    private static Command ReaderCommand()
    {
        var command = new Command(
            "reader",
            "Normalizer throughput: SesMessageReader.Read in messages per second on one core, with allocations "
            + "(BenchmarkDotNet, MemoryDiagnoser), per message shape and mixed.")
        {
            Quick,
        };
        command.SetAction(parse =>
        {
            Started();
            ResultTable.Write(Console.Out, ReaderRuns.Run(parse.GetValue(Quick), Console.Out));
            return 0;
        });
        return command;
    }

    private static Command AllCommand()
    {
        var command = new Command("all", "Every benchmark above in turn, with one table at the end.")
        {
            Messages, NaiveMessages, Concurrency, DelayMs, ReceiveWaitMs, Mix, Rounds, SentSpreadHours,
            Small, Large, DynamoLarge, Stores, LoadParallelism, EventsPerStore, Quick,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            Started();
            var rows = await BenchEmulators.UseAsync(
                Console.Out,
                emulators => DrainRuns.AwsAsync(emulators, DrainOptions(parse), Delay(parse), Console.Out, cancellationToken));

            rows.AddRange(await EmbeddedDrainAsync(parse, cancellationToken));
            rows.AddRange(await MetricsAsync(parse, cancellationToken));
            rows.AddRange(ReaderRuns.Run(parse.GetValue(Quick), Console.Out));
            ResultTable.Write(Console.Out, rows);
            return 0;
        });
        return command;
    }

    private static Task<List<ResultRow>> EmbeddedDrainAsync(ParseResult parse, CancellationToken cancellationToken) =>
        DrainRuns.EmbeddedAsync(
            parse.GetValue(Messages),
            parse.GetValue(Concurrency),
            parse.GetValue(Mix),
            SentSpread(parse),
            Console.Out,
            cancellationToken);

    private static async Task<List<ResultRow>> MetricsAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var rows = new List<ResultRow>();
        var stores = parse.GetValue(Stores);
        var small = parse.GetValue(Small);
        var large = parse.GetValue(Large);
        if (stores != MetricsStores.Dynamodb)
        {
            var target = MetricsRuns.Embedded(parse.GetValue(EventsPerStore) is > 0 and var n ? n : 5_000);
            rows.AddRange(await MetricsRuns.RunAsync(target, small, large, Console.Out, cancellationToken));
        }

        if (stores != MetricsStores.Embedded)
        {
            var dynamoLarge = parse.GetValue(DynamoLarge) is > 0 and var d ? d : large;
            var eventsPerStore = parse.GetValue(EventsPerStore) is > 0 and var n ? n : 250;
            rows.AddRange(await BenchEmulators.UseAsync(
                Console.Out,
                emulators => MetricsRuns.RunAsync(
                    MetricsRuns.DynamoDb(emulators, parse.GetValue(LoadParallelism), eventsPerStore),
                    small,
                    dynamoLarge,
                    Console.Out,
                    cancellationToken)));
        }

        return rows;
    }

    private static void Started() =>
        Console.WriteLine($"Started at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {MachineLoad.Describe()}.");

    private static AwsDrainOptions DrainOptions(ParseResult parse) => new(
        parse.GetValue(Messages),
        parse.GetValue(NaiveMessages),
        parse.GetValue(Concurrency),
        TimeSpan.Zero,
        TimeSpan.FromMilliseconds(parse.GetValue(ReceiveWaitMs)),
        parse.GetValue(Mix),
        parse.GetValue(Rounds),
        SentSpread(parse));

    private static TimeSpan SentSpread(ParseResult parse) => TimeSpan.FromHours(parse.GetValue(SentSpreadHours));

    private static TimeSpan Delay(ParseResult parse) => TimeSpan.FromMilliseconds(parse.GetValue(DelayMs));
}
