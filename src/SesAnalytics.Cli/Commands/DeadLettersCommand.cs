using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Cli.Hosting;
using SesAnalytics.Cli.Output;
using SesAnalytics.Core.Providers;

namespace SesAnalytics.Cli.Commands;

/// <summary><c>dead-letters list|replay</c>: the messages a pipeline's queue moved to its dead-letter queue.</summary>
internal static class DeadLettersCommand
{
    public const int DefaultMax = 10;
    public const int MaxMax = 1000;

    public static Command Create(CliEnvironment environment) =>
        new(
            "dead-letters",
            "The messages a pipeline's queue gave up on after its maximum number of receives (unreadable, or refused by "
            + "the store), kept on its dead-letter queue.")
        {
            CreateList(environment),
            CreateReplay(environment),
        };

    private static Command CreateList(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var pipeline = PipelineOption.Create();
        var max = new Option<int>("--max")
        {
            HelpName = "N",
            DefaultValueFactory = _ => DefaultMax,
            Description = $"How many to list at most (1 to {MaxMax}; default {DefaultMax}).",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= 1 and <= MaxMax)
                {
                    return value;
                }

                result.AddError($"--max: '{text}' is not a number from 1 to {MaxMax}.");
                return default;
            },
        };
        var bodies = new Option<bool>("--bodies") { Description = "Also prints each message's body (it may hold personal data)." };
        var command = new Command(
            "list",
            "Lists a pipeline's dead letters without removing them: queue message id, how often it was received, and why "
            + "the drain refused it when that is known (the embedded queue keeps the reason; SQS cannot, so with the AWS "
            + "providers it is unknown). Bodies only with --bodies.")
        {
            pipeline,
            max,
            bodies,
        };
        common.AddTo(command);
        CommandRunner.SetAction(command, common, environment, async (context, cancellationToken) =>
        {
            var parsed = context.ParseResult;
            var services = await context.StartAsync(cancellationToken);
            var options = CommandContext.Pipeline(services, parsed.GetRequiredValue(pipeline));
            var deadLetters = await services.GetRequiredService<IEventQueues>().ListDeadLettersAsync(
                options.Id,
                parsed.GetValue(max),
                parsed.GetValue(bodies),
                cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new DeadLetterListResult(
                    options.Id,
                    [.. deadLetters.Select(d => new DeadLetterItem(d.MessageId, d.ReceiveCount, d.Reason, d.Body))]));
            }
            else
            {
                WriteText(context.Output, options.Id, deadLetters);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command CreateReplay(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var pipeline = PipelineOption.Create();
        var command = new Command(
            "replay",
            "Moves a pipeline's dead letters back onto its queue, where the next drain receives them again (fix what made "
            + "them fail first), and prints how many moved.")
        {
            pipeline,
        };
        common.AddTo(command);
        CommandRunner.SetAction(command, common, environment, async (context, cancellationToken) =>
        {
            var services = await context.StartAsync(cancellationToken);
            var options = CommandContext.Pipeline(services, context.ParseResult.GetRequiredValue(pipeline));
            var moved = await services.GetRequiredService<IEventQueues>().RedriveDeadLettersAsync(options.Id, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(new RedriveResult(options.Id, moved));
            }
            else
            {
                context.Output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Moved {moved} dead letter(s) of pipeline '{options.Id}' back onto its queue "
                    + $"({context.QueueDescription(services, options)})."));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, string pipeline, IReadOnlyList<DeadLetter> deadLetters)
    {
        if (deadLetters.Count == 0)
        {
            output.WriteLine($"Pipeline '{pipeline}' has no dead letters.");
            return;
        }

        foreach (var deadLetter in deadLetters)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{deadLetter.MessageId}  receives: {deadLetter.ReceiveCount}  reason: {deadLetter.Reason ?? "(unknown)"}"));
            if (deadLetter.Body is { } body)
            {
                output.WriteLine($"  body: {body.TrimEnd('\r', '\n')}");
            }
        }
    }
}
