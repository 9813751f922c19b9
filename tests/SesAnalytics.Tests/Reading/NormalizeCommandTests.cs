using System.Text.Json.Nodes;
using SesAnalytics.Cli;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Reading;

public sealed class NormalizeCommandTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("normalize-tests-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task RunAsync_OkAndIgnoredFiles_ExitsZeroWithOneObjectPerFile()
    {
        string[] files =
        [
            Path.Combine(RepositoryPaths.Samples, "event-publishing", "awsdocs-rendering-failure.json"),
            Path.Combine(RepositoryPaths.Samples, "sns-control", "spatie-subscription-confirmation.json"),
        ];
        using var output = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["normalize", .. files], output);

        Assert.Equal(0, exitCode);
        var lines = Lines(output);
        Assert.Equal(files, lines.Select(o => o["file"]!.GetValue<string>()));
        Assert.Equal(["ok", "ignored"], lines.Select(o => o["status"]!.GetValue<string>()));
        var renderingFailure = Assert.Single(lines[0]["events"]!.AsArray())!;
        Assert.Equal("RENDERING_FAILURE", renderingFailure["eventType"]!.GetValue<string>());
        Assert.Equal("2018-01-22T18:43:06.197Z", renderingFailure["timestamp"]!.GetValue<string>());
        Assert.Null(lines[0]["reason"]);
        Assert.False(string.IsNullOrWhiteSpace(lines[1]["reason"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RunAsync_OneInvalidFileAmongValidOnes_ExitsOne()
    {
        var valid = Path.Combine(RepositoryPaths.Samples, "event-publishing", "awsdocs-send.json");
        var invalid = Path.Combine(_folder.FullName, "truncated.json");
        await File.WriteAllTextAsync(invalid, "{\"eventType\":\"Send\",\"mail\":{");
        using var output = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["normalize", valid, invalid], output);

        Assert.Equal(1, exitCode);
        var lines = Lines(output);
        Assert.Equal(["ok", "invalid"], lines.Select(o => o["status"]!.GetValue<string>()));
        Assert.Contains("not JSON", lines[1]["reason"]!.GetValue<string>());
        Assert.Empty(lines[1]["events"]!.AsArray());
    }

    [Fact]
    public async Task RunAsync_MissingFile_InvalidWithPathAsGivenAndExitsOne()
    {
        var path = Path.Combine(_folder.FullName, "..", _folder.Name, "absent.json");
        using var output = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["normalize", path], output);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(Lines(output));
        Assert.Equal(path, line["file"]!.GetValue<string>());
        Assert.Equal("invalid", line["status"]!.GetValue<string>());
        Assert.Equal("no such file", line["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_FolderInsteadOfFile_InvalidAndExitsOne()
    {
        using var output = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["normalize", _folder.FullName], output);

        Assert.Equal(1, exitCode);
        Assert.Equal("invalid", Assert.Single(Lines(output))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task RunAsync_NoFiles_ExitsNonZeroWithError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exitCode = await CommandLine.RunAsync(["normalize"], output, error);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("FILE", error.ToString() + output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("normalize", "--help")]
    public async Task RunAsync_Help_ExplainsNormalizeAndItsExitCodes(params string[] args)
    {
        using var output = new StringWriter();

        var exitCode = await CommandLine.RunAsync(args, output);

        Assert.Equal(0, exitCode);
        var help = output.ToString();
        Assert.Contains("normalize", help, StringComparison.Ordinal);
        Assert.Contains("Exits 0 when every file is ok or ignored, 1 when any is invalid", help, StringComparison.Ordinal);
    }

    private static List<JsonObject> Lines(StringWriter output) =>
        output.ToString()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToList();
}
