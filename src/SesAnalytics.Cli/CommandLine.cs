using System.CommandLine;
using System.CommandLine.Invocation;
using SesAnalytics.Cli.Commands;
using SesAnalytics.Cli.Hosting;

namespace SesAnalytics.Cli;

/// <summary>
/// The <c>sesanalytics</c> command line. Each command is a static class under <c>Commands/</c> whose
/// <c>Create()</c> returns its <see cref="Command"/>; <see cref="CreateRoot"/> registers them.
/// </summary>
internal static class CommandLine
{
    /// <summary>The executable's name, as usage hints show it.</summary>
    public const string Name = "sesanalytics";

    public static RootCommand CreateRoot() => CreateRoot(CliEnvironment.Process);

    public static RootCommand CreateRoot(CliEnvironment environment) =>
        new("Operates the SesAnalytics email pipelines: reads SES and SNS messages and works with the pipelines' data "
            + "(queues, dead letters, tracking records, templates) through the same providers and settings as the app. "
            + CommonOptions.ConfigurationHelp)
        {
            NormalizeCommand.Create(),
            ReplayCommand.Create(environment),
            DrainCommand.Create(environment),
            TemplatesCommand.Create(environment),
            DeadLettersCommand.Create(environment),
            ReconcileCommand.Create(environment),
            EngageCommand.Create(environment),
            SetupCommand.Create(environment),
        };

    /// <summary>Parses and runs; output and error default to the console (tests pass their own writers).</summary>
    public static Task<int> RunAsync(
        string[] args,
        TextWriter? output = null,
        TextWriter? error = null,
        CancellationToken cancellationToken = default) =>
        RunAsync(args, CliEnvironment.Process, output, error, cancellationToken);

    /// <summary>
    /// Parses and runs in <paramref name="environment"/>. A command line that does not parse (an unknown or missing
    /// option or command, a value of the wrong form) is reported on <paramref name="error"/> with exit code 2.
    /// </summary>
    public static Task<int> RunAsync(
        string[] args,
        CliEnvironment environment,
        TextWriter? output,
        TextWriter? error,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        var parseResult = CreateRoot(environment).Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var parseError in parseResult.Errors)
            {
                configuration.Error.WriteLine($"error: {parseError.Message}");
            }

            configuration.Error.WriteLine(UsageHint(parseResult));
            return Task.FromResult(ExitCodes.Usage);
        }

        return parseResult.InvokeAsync(configuration, cancellationToken);
    }

    /// <summary>The usage line of the command that was parsed, and where to read more.</summary>
    public static string UsageHint(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var names = new List<string>();
        for (var result = parseResult.CommandResult; result.Parent is System.CommandLine.Parsing.CommandResult parent; result = parent)
        {
            names.Insert(0, result.Command.Name);
        }

        var command = parseResult.CommandResult.Command;
        var usage = new List<string> { Name };
        usage.AddRange(names);
        if (command.Subcommands.Count > 0)
        {
            usage.Add("<command>");
        }

        usage.AddRange(command.Arguments.Select(
            a => $"<{a.HelpName ?? a.Name}>{(a.Arity.MaximumNumberOfValues > 1 ? "..." : string.Empty)}"));
        usage.AddRange(command.Options.Where(o => o.Required).Select(o => $"{o.Name} <{o.HelpName ?? "VALUE"}>"));
        usage.Add("[options]");
        return $"Usage: {string.Join(' ', usage)}{Environment.NewLine}"
            + $"Run '{string.Join(' ', [Name, .. names, "--help"])}' for details.";
    }
}
