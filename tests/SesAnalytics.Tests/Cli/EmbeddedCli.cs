using SesAnalytics.Tests.Embedded;

namespace SesAnalytics.Tests.Cli;

/// <summary>
/// The command line over a data folder of its own, with a settings file: what a user runs next to the app with the
/// embedded providers. <see cref="Harness"/> opens the same folder as the app would.
/// </summary>
internal sealed class EmbeddedCli : IDisposable
{
    /// <summary>Retention long enough for the shared samples, whose events go back to 2014.</summary>
    public const string LongRetention = "7300.00:00:00";

    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;
    private EmbeddedHarness? _harness;

    public EmbeddedCli(IDictionary<string, string?>? settings = null)
    {
        _settings = new Dictionary<string, string?>
        {
            ["SesAnalytics:Retention"] = LongRetention,
            ["Logging:LogLevel:Default"] = "Error",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        DataPath = Path.Combine(_folder.Path, "data");
        SettingsPath = SettingsFiles.WriteAppSettings(Path.Combine(_folder.Path, "appsettings.json"), _settings);
    }

    public string Folder => _folder.Path;

    public string DataPath { get; }

    public string SettingsPath { get; }

    /// <summary>The embedded providers over the same data folder and settings, as the running app has them.</summary>
    public EmbeddedHarness Harness => _harness ??= EmbeddedHarness.Create(
        DataPath,
        TimeProvider.System,
        new Dictionary<string, string?>(_settings) { ["SesAnalytics:Pipelines:outreach:Topic"] = "ses-email-events" });

    /// <summary>Runs a command with <c>--data-path</c> and <c>--settings</c> added.</summary>
    public Task<CliResult> RunAsync(params string[] args) =>
        CliRunner.RunAsync(CliRunner.NoVariables, [.. args, "--data-path", DataPath, "--settings", SettingsPath]);

    /// <summary>Writes a file in the test's folder and returns its path.</summary>
    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        _harness?.Dispose();
        _folder.Dispose();
    }
}
