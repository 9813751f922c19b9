namespace SesAnalytics.Tests.Cli;

public sealed class SetupCommandTests : IDisposable
{
    private readonly EmbeddedCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Setup_EmbeddedProviders_SaysNothingIsNeeded()
    {
        var setup = await _cli.RunAsync("setup", "--json");

        Assert.True(setup.ExitCode == 0, setup.ToString());
        var result = setup.Json();
        Assert.Equal("embedded", result["providers"]!.GetValue<string>());
        Assert.Empty(result["changes"]!.AsArray());
        Assert.Contains(Path.GetFullPath(_cli.DataPath), result["notes"]![0]!.GetValue<string>());
    }
}
