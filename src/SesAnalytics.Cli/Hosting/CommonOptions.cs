using System.CommandLine;

namespace SesAnalytics.Cli.Hosting;

/// <summary>
/// The options every command that works with the app's data takes: where its settings come from, the embedded data
/// folder, and JSON output. Each command gets its own instances.
/// </summary>
internal sealed class CommonOptions
{
    public CommonOptions()
    {
        Settings.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<FileInfo?>() is { Exists: false } file)
            {
                result.AddError(Directory.Exists(file.FullName)
                    ? $"--settings: '{file}' is a folder; give a JSON settings file."
                    : $"--settings: no such file '{file}'.");
            }
        });
        DataPath.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (string.IsNullOrWhiteSpace(value))
            {
                result.AddError("--data-path: give a folder.");
            }
            else if (File.Exists(value))
            {
                result.AddError($"--data-path: '{value}' is a file; give a folder (it is created when missing).");
            }
        });
    }

    public Option<FileInfo?> Settings { get; } = new("--settings")
    {
        HelpName = "FILE",
        Description =
            "A JSON settings file, read over the environment variables: appsettings style "
            + "({ \"SesAnalytics\": { \"Aws\": { \"Region\": … } } }) or the Functions app's local.settings.json, whose "
            + "\"Values\" are used (SesAnalytics__Aws__Region; empty values count as unset).",
    };

    public Option<string?> DataPath { get; } = new("--data-path")
    {
        HelpName = "FOLDER",
        Description =
            "The embedded providers' data folder (SesAnalytics:Embedded:DataPath), shared with the running app; "
            + "overrides the environment and the settings file. Default: the user's local application data folder, SesAnalytics.",
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Writes the result as JSON instead of text.",
    };

    /// <summary>Where the commands take their settings from, for the root command's description.</summary>
    public static string ConfigurationHelp =>
        "Commands other than normalize are configured as the app is: environment variables (SesAnalytics__Aws__Region), "
        + "then a --settings file, then --data-path. They use the AWS providers when SesAnalytics:Aws:Region is set, the "
        + "embedded ones otherwise, whose data folder the running app shares.";

    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(Settings);
        command.Options.Add(DataPath);
        command.Options.Add(Json);
    }
}
