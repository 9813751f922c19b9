using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Bench.Commands;

/// <summary>Starts the test project's emulators for a benchmark run and stops them after it.</summary>
internal static class BenchEmulators
{
    /// <summary>Heap for dynalite, which keeps every item in memory: a million tracked messages need several GiB.</summary>
    private const string NodeOptions = "--max-old-space-size=12288";

    /// <summary>Runs <paramref name="run"/> with the emulators started, and stops them however it ends.</summary>
    public static async Task<T> UseAsync<T>(TextWriter output, Func<AwsEmulators, Task<T>> run)
    {
        var emulators = await StartAsync(output);

        // Stopped on the way out too, should the run be interrupted before its own clean-up.
        EventHandler onExit = (_, _) => emulators.DisposeAsync().GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += onExit;
        try
        {
            return await run(emulators);
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= onExit;
            await emulators.DisposeAsync();
        }
    }

    private static async Task<AwsEmulators> StartAsync(TextWriter output)
    {
        // The emulators are child processes and inherit this environment.
        Environment.SetEnvironmentVariable("NODE_OPTIONS", NodeOptions);
        output.WriteLine("Starting the emulators (fauxqs, dynalite, aws-ses-v2-local) on loopback ports...");
        var emulators = new AwsEmulators();
        await emulators.InitializeAsync();
        output.WriteLine($"  SQS/SNS {emulators.SqsSnsUrl}, DynamoDB {emulators.DynamoDbUrl}, SES {emulators.SesUrl}");
        return emulators;
    }
}
