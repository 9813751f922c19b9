using SesAnalytics.Cli;
using SesAnalytics.Cli.Hosting;

namespace SesAnalytics.Tests.Cli;

/// <summary>Runs the command line in this process, as a user runs <c>sesanalytics</c>, capturing its output.</summary>
internal static class CliRunner
{
    /// <summary>No environment variables: a test sees only the settings it gives, whatever the machine has set.</summary>
    public static CliEnvironment NoVariables { get; } = new() { EnvironmentVariables = new Dictionary<string, string?>() };

    public static async Task<CliResult> RunAsync(CliEnvironment environment, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(args, environment, output, error);

        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
