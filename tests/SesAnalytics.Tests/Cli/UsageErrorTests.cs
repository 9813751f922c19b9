namespace SesAnalytics.Tests.Cli;

public sealed class UsageErrorTests : IDisposable
{
    private readonly EmbeddedCli _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string[], string> BadCommandLines() => new()
    {
        { ["replay", "sample.json"], "--pipeline" },
        { ["replay", "--pipeline", "outreach"], "replay" },
        { ["drain", "--pipeline", "Not_An_Id"], "--pipeline" },
        { ["drain", "--pipline", "outreach"], "--pipline" },
        { ["drain", "--pipeline", "outreach", "--settings", "/no/such/settings.json"], "--settings" },
        { ["dead-letters", "list", "--pipeline", "outreach", "--max", "0"], "--max" },
        { ["dead-letters", "list", "--pipeline", "outreach", "--max", "many"], "--max" },
        { ["dead-letters"], "command" },
        { ["reconcile", "--pipeline", "outreach"], "--day" },
        { ["reconcile", "--pipeline", "outreach", "--day", "13/01/2026"], "--day" },
        { ["reconcile", "--pipeline", "outreach", "--day", "2026-02-30"], "--day" },
        { ["engage", "click", "--pipeline", "outreach", "--message-id", "m-1", "--link", "javascript:alert(1)"], "--link" },
        { ["engage", "open", "--pipeline", "outreach"], "--message-id" },
        { ["templates", "put", "bad name!", "--subject", "Hi", "--text-file", ThisFile()], "NAME" },
        { ["templates", "put", "welcome", "--subject", "Hi"], "--html-file, --text-file" },
        { ["templates", "put", "welcome", "--text-file", "/no/such/part.txt", "--subject", "Hi"], "--text-file" },
        { ["templates", "put", "welcome", "--subject", " ", "--text-file", ThisFile()], "--subject" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task Run_BadCommandLine_ExitsTwoNamingWhatIsWrong(string[] args, string named)
    {
        var result = await CliRunner.RunAsync(CliRunner.NoVariables, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(named, result.Error);
        Assert.Contains("--help' for details.", result.Error);
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task Run_UnknownPipeline_ExitsTwoNamingIt()
    {
        var result = await _cli.RunAsync("dead-letters", "list", "--pipeline", "marketing");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--pipeline: unknown pipeline 'marketing'", result.Error);
        Assert.Contains("Run 'sesanalytics dead-letters list --help' for details.", result.Error);
    }

    [Theory]
    [InlineData("replay")]
    [InlineData("drain")]
    [InlineData("templates put")]
    [InlineData("dead-letters list")]
    [InlineData("dead-letters replay")]
    [InlineData("reconcile")]
    [InlineData("engage click")]
    [InlineData("setup")]
    public async Task Help_EachCommand_ExplainsItsOptions(string command)
    {
        var result = await CliRunner.RunAsync(CliRunner.NoVariables, [.. command.Split(' '), "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
        Assert.Contains("--settings <FILE>", result.Output);
        Assert.Contains("--data-path <FOLDER>", result.Output);
        Assert.Contains("--json", result.Output);
    }

    /// <summary>A file that exists, where a command line needs one.</summary>
    private static string ThisFile() => typeof(UsageErrorTests).Assembly.Location;
}
