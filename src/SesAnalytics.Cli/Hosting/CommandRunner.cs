using System.CommandLine;
using Microsoft.Extensions.Options;
using SesAnalytics.Aws;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Health;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Embedded;

namespace SesAnalytics.Cli.Hosting;

/// <summary>
/// Runs a command that works with the app's data and turns what goes wrong into a message on standard error and an
/// exit code: 2 for a usage error, 1 for anything else. This is the boundary where failures are reported, so it
/// catches every exception but cancellation; programming errors keep their stack trace.
/// </summary>
internal static class CommandRunner
{
    /// <summary>The configuration section of each options class, so a failure that names only a member says where it is set.</summary>
    private static readonly Dictionary<Type, string> Sections = new()
    {
        [typeof(SesAnalyticsOptions)] = SesAnalyticsOptions.SectionName,
        [typeof(DrainOptions)] = DrainOptions.SectionName,
        [typeof(SuppressionOptions)] = SuppressionOptions.SectionName,
        [typeof(HealthOptions)] = HealthOptions.SectionName,
        [typeof(EmbeddedOptions)] = EmbeddedOptions.SectionName,
        [typeof(AwsOptions)] = AwsOptions.SectionName,
        [typeof(DynamoDbOptions)] = DynamoDbOptions.SectionName,
    };

    public static void SetAction(
        Command command,
        CommonOptions common,
        CliEnvironment environment,
        Func<CommandContext, CancellationToken, Task<int>> run)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, common, environment, run, cancellationToken));
    }

    private static async Task<int> RunAsync(
        ParseResult parseResult,
        CommonOptions common,
        CliEnvironment environment,
        Func<CommandContext, CancellationToken, Task<int>> run,
        CancellationToken cancellationToken)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            await using var context = CommandContext.Create(parseResult, common, environment);
            return await run(context, cancellationToken);
        }
        catch (UsageException e)
        {
            error.WriteLine($"error: {e.Message}");
            error.WriteLine(CommandLine.UsageHint(parseResult));
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            error.WriteLine("Cancelled.");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            Report(error, e);
            return ExitCodes.Failure;
        }
    }

    private static void Report(TextWriter error, Exception exception)
    {
        var validationFailures = ValidationFailures(exception);
        if (validationFailures.Count > 0)
        {
            error.WriteLine("error: the configuration is not valid:");
            foreach (var failure in validationFailures)
            {
                error.WriteLine($"  - {failure}");
            }

            return;
        }

        if (exception is NullReferenceException or IndexOutOfRangeException or InvalidCastException or NotImplementedException
            or KeyNotFoundException)
        {
            error.WriteLine($"error: {exception}");
            return;
        }

        error.WriteLine($"error: {Describe(exception)}");
    }

    /// <summary>The messages of the options validation failures an exception carries (the host throws one or an aggregate).</summary>
    private static List<string> ValidationFailures(Exception exception) => exception switch
    {
        OptionsValidationException validation => [.. Failures(validation)],
        AggregateException aggregate when aggregate.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. aggregate.InnerExceptions.Cast<OptionsValidationException>().SelectMany(Failures)],
        _ => [],
    };

    private static IEnumerable<string> Failures(OptionsValidationException validation) =>
        validation.Failures.Select(failure =>
            Sections.TryGetValue(validation.OptionsType, out var section)
            && !failure.StartsWith(section, StringComparison.OrdinalIgnoreCase)
                ? $"{section}: {failure}"
                : failure);

    /// <summary>The message, followed by the inner exceptions' messages when they add something.</summary>
    private static string Describe(Exception exception)
    {
        var message = exception.Message;
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (!message.Contains(inner.Message, StringComparison.Ordinal))
            {
                message += $" ({inner.Message})";
            }
        }

        return message;
    }
}
