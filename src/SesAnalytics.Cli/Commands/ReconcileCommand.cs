using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Cli.Hosting;
using SesAnalytics.Cli.Output;
using SesAnalytics.Core.Providers;

namespace SesAnalytics.Cli.Commands;

/// <summary><c>reconcile --pipeline P --day YYYY-MM-DD</c>: the outcomes of the messages a pipeline sent on one day.</summary>
internal static class ReconcileCommand
{
    public const string DayFormat = "yyyy-MM-dd";

    public static Command Create(CliEnvironment environment)
    {
        var common = new CommonOptions();
        var pipeline = PipelineOption.Create();
        var day = new Option<DateOnly>("--day")
        {
            HelpName = "YYYY-MM-DD",
            Required = true,
            Description = "The UTC day the messages were sent.",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (DateOnly.TryParseExact(text, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return parsed;
                }

                result.AddError($"--day: '{text}' is not a date in the form YYYY-MM-DD.");
                return default;
            },
        };
        var command = new Command(
            "reconcile",
            "For the messages the pipeline sent on one UTC day: how many were sent, delivered, bounced and rejected, and how "
            + "many are missing an outcome (no delivery, bounce or reject: lost, or not arrived yet).")
        {
            pipeline,
            day,
        };
        common.AddTo(command);
        CommandRunner.SetAction(command, common, environment, async (context, cancellationToken) =>
        {
            var services = await context.StartAsync(cancellationToken);
            var options = CommandContext.Pipeline(services, context.ParseResult.GetRequiredValue(pipeline));
            var result = await services.GetRequiredService<ITrackingStore>().ReconcileAsync(
                options.Id,
                context.ParseResult.GetValue(day),
                cancellationToken);
            var output = new ReconcileResult(
                options.Id,
                result.Day,
                result.Sent,
                result.Delivered,
                result.Bounced,
                result.Rejected,
                result.Missing);
            if (context.Json)
            {
                context.WriteJson(output);
            }
            else
            {
                WriteText(context.Output, output);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void WriteText(TextWriter output, ReconcileResult result)
    {
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Pipeline '{result.Pipeline}', messages sent on {result.Day.ToString(DayFormat, CultureInfo.InvariantCulture)} (UTC):"));
        foreach (var (label, count) in new[]
                 {
                     ("sent", result.Sent), ("delivered", result.Delivered), ("bounced", result.Bounced),
                     ("rejected", result.Rejected), ("missing", result.Missing),
                 })
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {label,-10} {count}"));
        }
    }
}
