using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Cli.Hosting;
using SesAnalytics.Cli.Output;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Providers;

namespace SesAnalytics.Cli.Commands;

/// <summary><c>replay --pipeline P FILE...</c>: puts each file's content, as one message body, on a pipeline's queue.</summary>
internal static class ReplayCommand
{
    /// <summary>The largest message body a queue takes (SQS's limit, which the embedded queue keeps too).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private const string TooLarge = "is larger than the queue's 256 KiB message limit";

    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var pipeline = PipelineOption.Create();
        var files = new Argument<string[]>("FILE")
        {
            Arity = ArgumentArity.OneOrMore,
            Description =
                "Files each holding one queue message body: an SNS envelope, a raw SES event or identity notification, "
                + "or a captured Lambda payload (Records), which is queued as it is and read record by record.",
        };
        var command = new Command(
            "replay",
            "Puts each file's content as one message body on the pipeline's queue (the embedded queue, or the pipeline's "
            + "SQS queue with the AWS providers), for a backfill or to feed recorded SES traffic through the drain. With the "
            + "embedded providers the queue is in the data folder the running app shares, so the app drains the messages; "
            + "'drain' drains them now. Every file is read before anything is queued: when one cannot be read or is larger "
            + "than 256 KiB nothing is queued. A file the reader finds invalid is queued all the same, with a warning: the "
            + "drain leaves it for the dead-letter queue. Exits 0 when all were queued.")
        {
            pipeline,
            files,
        };
        common.AddTo(command);
        CommandRunner.SetAction(
            command,
            common,
            environment,
            (context, cancellationToken) => RunAsync(
                context,
                context.ParseResult.GetRequiredValue(pipeline),
                context.ParseResult.GetValue(files) ?? [],
                cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        CommandContext context,
        string pipelineId,
        string[] files,
        CancellationToken cancellationToken)
    {
        var services = await context.StartAsync(cancellationToken);
        var pipeline = CommandContext.Pipeline(services, pipelineId);

        var bodies = new List<string>(files.Length);
        var problems = new List<string>();
        foreach (var file in files)
        {
            var (body, problem) = await ReadAsync(file, cancellationToken);
            if (problem is not null)
            {
                problems.Add($"{file}: {problem}");
                continue;
            }

            bodies.Add(body!);
            if (SesMessageReader.Read(body!) is { Status: ReadStatus.Invalid } result)
            {
                context.Warn(
                    $"{file}: the reader finds it invalid ({result.Reason}); it is queued all the same and the drain "
                    + "leaves it for the dead-letter queue.");
            }
        }

        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                context.Error.WriteLine($"error: {problem}");
            }

            context.Error.WriteLine("Nothing was queued.");
            return ExitCodes.Failure;
        }

        try
        {
            await services.GetRequiredService<IEventQueues>().SendAsync(pipeline.Id, bodies, cancellationToken);
        }
        catch (InvalidOperationException e) when (context.UsesAws)
        {
            // SQS takes a batch entry by entry; the provider names the refused ones by their position.
            throw new CommandException(
                $"{e.Message} Messages are numbered from 0 in the order the files were given; the others were queued.",
                e);
        }

        if (context.Json)
        {
            context.WriteJson(new ReplayResult(pipeline.Id, bodies.Count, files));
        }
        else
        {
            context.Output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"Queued {bodies.Count} message(s) on pipeline '{pipeline.Id}' ({context.QueueDescription(services, pipeline)})."));
        }

        return ExitCodes.Success;
    }

    private static async Task<(string? Body, string? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return (null, Directory.Exists(path) ? "is a folder, not a file" : "no such file");
            }

            // A UTF-8 byte order mark is not part of the body.
            if (info.Length > MaxBodyBytes + 3)
            {
                return (null, TooLarge);
            }

            var body = await File.ReadAllTextAsync(path, Encoding.UTF8, cancellationToken);
            return body.Length == 0 ? (null, "is empty")
                : Encoding.UTF8.GetByteCount(body) > MaxBodyBytes ? (null, TooLarge)
                : (body, null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return (null, $"cannot be read: {e.Message}");
        }
    }
}
