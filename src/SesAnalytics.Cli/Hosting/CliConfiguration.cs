using Microsoft.Extensions.Configuration;
using SesAnalytics.Embedded;

namespace SesAnalytics.Cli.Hosting;

/// <summary>The configuration a command runs with: the environment, then <c>--settings</c>, then <c>--data-path</c>.</summary>
internal static class CliConfiguration
{
    public const string DataPathKey = $"{EmbeddedOptions.SectionName}:{nameof(EmbeddedOptions.DataPath)}";

    /// <exception cref="CommandException">The settings file cannot be read.</exception>
    public static ConfigurationManager Build(CliEnvironment environment, FileInfo? settingsFile, string? dataPath)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var configuration = new ConfigurationManager();
        try
        {
            if (environment.EnvironmentVariables is { } variables)
            {
                configuration.AddInMemoryCollection(
                    variables.Select(v => KeyValuePair.Create(SettingsFile.ConfigurationKey(v.Key), v.Value)));
            }
            else
            {
                configuration.AddEnvironmentVariables();
            }

            if (settingsFile is not null)
            {
                SettingsFile.AddTo(configuration, settingsFile);
            }

            if (!string.IsNullOrWhiteSpace(dataPath))
            {
                configuration.AddInMemoryCollection([KeyValuePair.Create(DataPathKey, (string?)Path.GetFullPath(dataPath))]);
            }

            return configuration;
        }
        catch
        {
            configuration.Dispose();
            throw;
        }
    }
}
