using System.CommandLine;
using SesAnalytics.Cli.Commands;

namespace SesAnalytics.Cli;

/// <summary>
/// The <c>sesanalytics</c> command line. Each command is a static class under <c>Commands/</c> whose
/// <c>Create()</c> returns its <see cref="Command"/>; <see cref="CreateRoot"/> registers them.
/// </summary>
internal static class CommandLine
{
    public static RootCommand CreateRoot() =>
        new("Operates the SesAnalytics email pipelines: reads SES and SNS messages and works with the pipelines' data.")
        {
            NormalizeCommand.Create(),
        };

    /// <summary>Parses and runs; output and error default to the console (tests pass their own writers).</summary>
    public static Task<int> RunAsync(
        string[] args,
        TextWriter? output = null,
        TextWriter? error = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new InvocationConfiguration
        {
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        return CreateRoot().Parse(args).InvokeAsync(configuration, cancellationToken);
    }
}
