using SesAnalytics.Cli.Hosting;
using SesAnalytics.Tests.Embedded;

namespace SesAnalytics.Tests.Cli;

/// <summary>Where the commands take their settings from: environment variables, a settings file, <c>--data-path</c>.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Run_LocalSettingsFile_UsesItsValues()
    {
        var data = Path.Combine(_folder.Path, "from-local-settings");
        var settings = SettingsFiles.WriteLocalSettings(
            Path.Combine(_folder.Path, "local.settings.json"),
            new Dictionary<string, string?>
            {
                ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
                ["SesAnalytics:Embedded:DataPath"] = data,
                ["SesAnalytics:Aws:Region"] = string.Empty,
            });

        var put = await CliRunner.RunAsync(CliRunner.NoVariables, "setup", "--json", "--settings", settings);

        Assert.True(put.ExitCode == 0, put.ToString());
        Assert.Equal("embedded", put.Json()["providers"]!.GetValue<string>());
        Assert.Contains(data, put.Json()["notes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_EnvironmentVariable_SetsTheDataFolder()
    {
        var data = Path.Combine(_folder.Path, "from-environment");
        var environment = new CliEnvironment
        {
            EnvironmentVariables = new Dictionary<string, string?> { ["SesAnalytics__Embedded__DataPath"] = data },
        };
        var text = Path.Combine(_folder.Path, "notice.txt");
        await File.WriteAllTextAsync(text, "Hello");

        var put = await CliRunner.RunAsync(environment, "templates", "put", "notice", "--subject", "Hi", "--text-file", text);

        Assert.True(put.ExitCode == 0, put.ToString());
        Assert.True(File.Exists(Path.Combine(data, "sesanalytics.db")));
    }

    [Fact]
    public async Task Run_DataPathOption_OverridesTheSettingsFile()
    {
        var fromFile = Path.Combine(_folder.Path, "from-file");
        var fromOption = Path.Combine(_folder.Path, "from-option");
        var settings = SettingsFiles.WriteAppSettings(
            Path.Combine(_folder.Path, "appsettings.json"),
            [KeyValuePair.Create("SesAnalytics:Embedded:DataPath", (string?)fromFile)]);

        var setup = await CliRunner.RunAsync(
            CliRunner.NoVariables, "setup", "--json", "--settings", settings, "--data-path", fromOption);

        Assert.Contains(fromOption, setup.Json()["notes"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Run_SettingOutOfRange_ExitsOneNamingTheSetting()
    {
        var settings = SettingsFiles.WriteAppSettings(
            Path.Combine(_folder.Path, "appsettings.json"),
            [KeyValuePair.Create("SesAnalytics:Drain:BatchSize", (string?)"50")]);

        var drain = await CliRunner.RunAsync(
            CliRunner.NoVariables, "drain", "--pipeline", "outreach", "--settings", settings, "--data-path", _folder.Path);

        Assert.Equal(1, drain.ExitCode);
        Assert.Contains("the configuration is not valid", drain.Error);
        Assert.Contains("SesAnalytics:Drain", drain.Error);
        Assert.Contains("BatchSize", drain.Error);
        Assert.DoesNotContain("   at ", drain.Error);
    }

    [Fact]
    public async Task Run_SettingsFileNotJson_ExitsOneNamingTheOption()
    {
        var settings = Path.Combine(_folder.Path, "broken.json");
        await File.WriteAllTextAsync(settings, """{ "SesAnalytics": { "Retention": """);

        var drain = await CliRunner.RunAsync(CliRunner.NoVariables, "drain", "--pipeline", "outreach", "--settings", settings);

        Assert.Equal(1, drain.ExitCode);
        Assert.Contains($"--settings: '{settings}' is not valid JSON", drain.Error);
    }

    [Fact]
    public async Task Run_AwsRegionFromTheEnvironmentWithoutSigningKey_ExitsOneNamingTheSetting()
    {
        var environment = new CliEnvironment
        {
            EnvironmentVariables = new Dictionary<string, string?> { ["SesAnalytics__Aws__Region"] = "eu-west-1" },
        };

        var list = await CliRunner.RunAsync(environment, "templates", "list");

        Assert.Equal(1, list.ExitCode);
        Assert.Contains("SesAnalytics:UnsubscribeSigningKey is required with the AWS providers", list.Error);
        Assert.Contains("SesAnalytics:Pipelines:outreach:QueueUrl", list.Error);
    }
}
