using Microsoft.Extensions.DependencyInjection;

namespace SesAnalytics.Cli.Hosting;

/// <summary>
/// What the commands that work with the app's data take from outside the command line: environment variables, and
/// services registered before the app's own. <see cref="Process"/> is the real process; tests give their own
/// variables and, for the emulators, credentials.
/// </summary>
internal sealed class CliEnvironment
{
    public static CliEnvironment Process { get; } = new();

    /// <summary>
    /// Variables read instead of the process's environment, named as in the environment (<c>SesAnalytics__Aws__Region</c>);
    /// null reads the process's environment.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? EnvironmentVariables { get; init; }

    /// <summary>Runs before the app's services are added; where the app adds a service only if none is there, this one wins.</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }
}
