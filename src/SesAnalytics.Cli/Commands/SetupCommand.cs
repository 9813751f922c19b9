using System.CommandLine;
using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesAnalytics.Aws;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Cli.Hosting;
using SesAnalytics.Cli.Output;
using SesAnalytics.Core.Pipelines;

namespace SesAnalytics.Cli.Commands;

/// <summary><c>setup</c>: with the AWS providers, creates the DynamoDB tables the app needs when they are missing.</summary>
internal static class SetupCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var command = new Command(
            "setup",
            "With the AWS providers, creates what the app stores its data in when it is missing: each pipeline's DynamoDB "
            + "tracking table (SesAnalytics:Pipelines:<id>:Table) with its indexes and TTL, and the suppression list table "
            + "(SesAnalytics:Aws:SuppressionTable). Existing tables are kept; safe to run again. Prints what it changed. "
            + "SNS topics and SQS queues are infrastructure and are not created: it prints what each pipeline is configured "
            + "with. The embedded providers need no setup.");
        common.AddTo(command);
        CommandRunner.SetAction(command, common, environment, async (context, cancellationToken) =>
        {
            var services = await context.StartAsync(cancellationToken);
            var result = context.UsesAws
                ? await SetUpAwsAsync(services, cancellationToken)
                : new SetupResult(
                    "embedded",
                    [],
                    [],
                    [],
                    [
                        "The embedded providers need no setup: they create their database and signing key in "
                        + $"{CommandContext.DataPath(services)} when first used.",
                    ]);
            if (context.Json)
            {
                context.WriteJson(result);
            }
            else
            {
                WriteText(context.Output, result);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static async Task<SetupResult> SetUpAwsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var pipelines = services.GetRequiredService<PipelineCatalog>().All.ToList();
        var suppressionTable = services.GetRequiredService<IOptions<DynamoDbOptions>>().Value.SuppressionTable;
        var log = new SetupActivityLog();
        await DynamoDbTableSetup.EnsureTablesAsync(
            services.GetRequiredService<IAmazonDynamoDB>(),
            pipelines.Select(p => p.Table),
            suppressionTable,
            log,
            cancellationToken);

        var tables = pipelines
            .Select(p => $"{p.Table} (tracking, pipeline {p.Id})")
            .Append($"{suppressionTable} (suppression list)")
            .ToList();
        var region = services.GetRequiredService<IOptions<AwsOptions>>().Value.Region;
        var notes = new List<string>
        {
            "SNS topics and SQS queues are infrastructure and were not created or checked. Each pipeline needs its SNS "
            + "topic (its configuration set publishes SES events there), an SQS queue subscribed to it (raw delivery or "
            + "not) and a dead-letter queue in the queue's redrive policy.",
        };
        notes.AddRange(pipelines.Select(p =>
            $"Pipeline {p.Id} ({region}): configuration set {p.ConfigurationSet}, topic {p.Topic}, queue {p.QueueUrl}, "
            + $"dead-letter queue {p.DeadLetterQueueUrl}."));
        return new SetupResult("aws", tables, log.Changes, log.Warnings, notes);
    }

    private static void WriteText(TextWriter output, SetupResult result)
    {
        if (result.Tables.Count > 0)
        {
            output.WriteLine("DynamoDB tables:");
            foreach (var table in result.Tables)
            {
                output.WriteLine($"  {table}");
            }

            output.WriteLine(result.Changes.Count > 0 ? "Changes:" : "No changes: every table, index and TTL setting was in place.");
            foreach (var change in result.Changes)
            {
                output.WriteLine($"  {change}");
            }

            foreach (var warning in result.Warnings)
            {
                output.WriteLine($"Warning: {warning}");
            }
        }

        foreach (var note in result.Notes)
        {
            output.WriteLine(note);
        }
    }
}
