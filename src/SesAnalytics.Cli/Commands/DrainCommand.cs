using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Cli.Hosting;
using SesAnalytics.Cli.Output;
using SesAnalytics.Core.Draining;

namespace SesAnalytics.Cli.Commands;

/// <summary><c>drain --pipeline P</c>: drains a pipeline's queue into the tracking store once, now.</summary>
internal static class DrainCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var pipeline = PipelineOption.Create();
        var command = new Command(
            "drain",
            "Drains the pipeline's queue into the tracking store once, now, as the app's timer function does, and prints "
            + "what it did: messages received, stored (with their events), ignored by design (SNS control messages), invalid "
            + "(left on the queue for its dead-letter queue) and refused by the store (left on the queue). Useful without a "
            + "running app. Exits 1 when the store refused any message.")
        {
            pipeline,
        };
        common.AddTo(command);
        CommandRunner.SetAction(
            command,
            common,
            environment,
            (context, cancellationToken) => RunAsync(context, context.ParseResult.GetRequiredValue(pipeline), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CommandContext context, string pipelineId, CancellationToken cancellationToken)
    {
        var services = await context.StartAsync(cancellationToken);
        var pipeline = CommandContext.Pipeline(services, pipelineId);
        DrainReport report;
        string? failure = null;
        try
        {
            report = await services.GetRequiredService<DrainService>().DrainAsync(pipeline.Id, cancellationToken);
        }
        catch (DrainFailedException e) when (e.Report is not null)
        {
            report = e.Report;
            failure = e.Message;
        }

        if (context.Json)
        {
            context.WriteJson(DrainResult.From(pipeline.Id, report));
        }
        else
        {
            WriteText(context.Output, pipeline.Id, report);
        }

        if (failure is not null)
        {
            context.Error.WriteLine($"error: {failure}");
            return ExitCodes.Failure;
        }

        return ExitCodes.Success;
    }

    private static void WriteText(TextWriter output, string pipeline, DrainReport report)
    {
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Drained pipeline '{pipeline}' in {report.Duration.TotalSeconds:0.00} s: {report.Received} received, "
            + $"{report.Stored} stored ({report.Events} events), {report.Ignored} ignored, {report.Invalid} invalid, "
            + $"{report.StoreFailures} refused by the store, in {report.Batches} batch(es)."));
        if (report.Invalid > 0)
        {
            output.WriteLine(
                "Invalid messages stay on the queue until it moves them to its dead-letter queue; "
                + $"'{CommandLine.Name} dead-letters list --pipeline {pipeline}' shows them there.");
        }
    }
}
