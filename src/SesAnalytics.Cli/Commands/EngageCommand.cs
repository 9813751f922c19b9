using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Cli.Hosting;
using SesAnalytics.Cli.Output;
using SesAnalytics.Embedded;

namespace SesAnalytics.Cli.Commands;

/// <summary>
/// <c>engage open|click --pipeline P --message-id ID [--link URL]</c>: with the embedded providers, publishes the Open or
/// Click SES would report for a message in the outbox, so the metrics can be tried by hand.
/// </summary>
internal static class EngageCommand
{
    public static Command Create(CliEnvironment environment) =>
        new(
            "engage",
            "Embedded providers only: acts as the recipient of a message the embedded SES sent (it is in the outbox of the "
            + "data folder), publishing the Open or Click event SES would, onto the message's pipeline queue. The next drain "
            + "stores it and the metrics count it. With the AWS providers SES reports real opens and clicks, so this refuses.")
        {
            CreateOpen(environment),
            CreateClick(environment),
        };

    private static Command CreateOpen(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var pipeline = PipelineOption.Create();
        var messageId = MessageIdOption();
        var command = new Command("open", "Publishes an Open of the message.")
        {
            pipeline,
            messageId,
        };
        common.AddTo(command);
        CommandRunner.SetAction(command, common, environment, (context, cancellationToken) => RunAsync(
            context,
            context.ParseResult.GetRequiredValue(pipeline),
            context.ParseResult.GetRequiredValue(messageId),
            click: false,
            link: null,
            cancellationToken));
        return command;
    }

    private static Command CreateClick(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var pipeline = PipelineOption.Create();
        var messageId = MessageIdOption();
        var link = new Option<string?>("--link")
        {
            HelpName = "URL",
            Description = "The link followed (absolute http or https); default: the first link of the message's HTML part.",
        };
        link.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
                || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                result.AddError($"--link: '{value}' is not an absolute http or https URL.");
            }
        });
        var command = new Command("click", "Publishes a Click on a link of the message.")
        {
            pipeline,
            messageId,
            link,
        };
        common.AddTo(command);
        CommandRunner.SetAction(command, common, environment, (context, cancellationToken) => RunAsync(
            context,
            context.ParseResult.GetRequiredValue(pipeline),
            context.ParseResult.GetRequiredValue(messageId),
            click: true,
            context.ParseResult.GetValue(link),
            cancellationToken));
        return command;
    }

    private static Option<string> MessageIdOption()
    {
        var option = new Option<string>("--message-id")
        {
            HelpName = "ID",
            Required = true,
            Description = "The SES message id the send answered with (the outbox file is named after it).",
        };
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string?>()))
            {
                result.AddError("--message-id: give the message's id.");
            }
        });
        return option;
    }

    private static async Task<int> RunAsync(
        CommandContext context,
        string pipelineId,
        string messageId,
        bool click,
        string? link,
        CancellationToken cancellationToken)
    {
        if (context.UsesAws)
        {
            throw new CommandException(
                "engage works only with the embedded providers: SesAnalytics:Aws:Region is set, so the AWS providers are in "
                + "use and SES itself reports opens and clicks. Leave the region unset to use the embedded providers.");
        }

        var services = await context.StartAsync(cancellationToken);
        var pipeline = CommandContext.Pipeline(services, pipelineId);
        var engagement = services.GetRequiredService<OutboxEngagement>();
        var sentOn = await engagement.FindPipelineAsync(messageId, cancellationToken)
            ?? throw new CommandException(
                $"--message-id: the outbox in {CommandContext.DataPath(services)} has no message '{messageId}'.");
        if (!string.Equals(sentOn, pipeline.Id, StringComparison.Ordinal))
        {
            throw new CommandException($"Message '{messageId}' was sent on pipeline '{sentOn}', not '{pipeline.Id}'.");
        }

        bool published;
        try
        {
            published = click
                ? await engagement.PublishClickAsync(messageId, link, cancellationToken)
                : await engagement.PublishOpenAsync(messageId, cancellationToken);
        }
        catch (ArgumentException e) when (click)
        {
            throw new CommandException($"--link: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new CommandException($"--message-id: {e.Message}", e);
        }

        if (!published)
        {
            throw new CommandException($"--message-id: the outbox has no message '{messageId}'.");
        }

        var eventType = click ? "CLICK" : "OPEN";
        if (context.Json)
        {
            context.WriteJson(new EngageResult(pipeline.Id, messageId, eventType, link));
        }
        else
        {
            context.Output.WriteLine(
                $"Published {(click ? "a Click" : "an Open")} of message '{messageId}' on pipeline '{pipeline.Id}'. The metrics "
                + $"count it once the queue is drained: by the running app, or '{CommandLine.Name} drain --pipeline {pipeline.Id}'.");
        }

        return ExitCodes.Success;
    }
}
