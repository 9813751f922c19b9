using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Cli;

public sealed class DeadLettersCommandTests : IDisposable
{
    // One receive, then the queue gives up on a message; it comes back after one second.
    private readonly EmbeddedCli _cli = new(new Dictionary<string, string?>
    {
        ["SesAnalytics:Embedded:MaxReceiveCount"] = "1",
        ["SesAnalytics:Embedded:VisibilityTimeout"] = "00:00:01",
    });

    private readonly string _invalid = Path.Combine(RepositoryPaths.Samples, "odd", "govuk-identity-complaint-badMessageId.json");

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task List_DeadLetter_ShowsIdReceivesAndReasonWithoutBody()
    {
        await DeadLetterAsync(_invalid);

        var text = await _cli.RunAsync("dead-letters", "list", "--pipeline", "outreach");
        var json = await _cli.RunAsync("dead-letters", "list", "--pipeline", "outreach", "--json");

        Assert.Equal(0, text.ExitCode);
        Assert.Contains("receives: 1  reason: mail.messageId missing", text.Output);
        Assert.DoesNotContain("body", text.Output);
        var deadLetter = Assert.Single(json.Json()["deadLetters"]!.AsArray())!.AsObject();
        Assert.Contains(deadLetter["messageId"]!.GetValue<string>(), text.Output);
        Assert.Equal(1, deadLetter["receiveCount"]!.GetValue<int>());
        Assert.Equal("mail.messageId missing", deadLetter["reason"]!.GetValue<string>());
        Assert.False(deadLetter.ContainsKey("body"));
    }

    [Fact]
    public async Task List_WithBodies_ShowsEachBody()
    {
        await DeadLetterAsync(_invalid);

        var list = await _cli.RunAsync("dead-letters", "list", "--pipeline", "outreach", "--bodies", "--json");

        var deadLetter = Assert.Single(list.Json()["deadLetters"]!.AsArray())!;
        Assert.Equal(File.ReadAllText(_invalid), deadLetter["body"]!.GetValue<string>());
    }

    [Fact]
    public async Task List_MoreDeadLettersThanMax_ListsMax()
    {
        await DeadLetterAsync(_invalid, _invalid, _invalid);

        var list = await _cli.RunAsync("dead-letters", "list", "--pipeline", "outreach", "--max", "2", "--json");

        Assert.Equal(2, list.Json()["deadLetters"]!.AsArray().Count);
    }

    [Fact]
    public async Task Replay_DeadLetters_MovesThemBackAndTheDrainReceivesThemAgain()
    {
        await DeadLetterAsync(_invalid, _invalid);

        var replay = await _cli.RunAsync("dead-letters", "replay", "--pipeline", "outreach");
        var listAfter = await _cli.RunAsync("dead-letters", "list", "--pipeline", "outreach");
        var drain = await _cli.RunAsync("drain", "--pipeline", "outreach", "--json");

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.StartsWith("Moved 2 dead letter(s) of pipeline 'outreach' back onto its queue", replay.Output);
        Assert.Equal("Pipeline 'outreach' has no dead letters.", listAfter.Output.Trim());
        Assert.Equal(2, drain.Json()["received"]!.GetValue<int>());
        Assert.Equal(2, drain.Json()["invalid"]!.GetValue<int>());
    }

    [Fact]
    public async Task List_NoDeadLetters_SaysSo()
    {
        var list = await _cli.RunAsync("dead-letters", "list", "--pipeline", "financial");

        Assert.Equal(0, list.ExitCode);
        Assert.Equal("Pipeline 'financial' has no dead letters.", list.Output.Trim());
    }

    /// <summary>Queues the files and drains until the queue has moved each to the dead-letter queue.</summary>
    private async Task DeadLetterAsync(params string[] files)
    {
        await _cli.RunAsync(["replay", "--pipeline", "outreach", .. files]);
        var first = await _cli.RunAsync("drain", "--pipeline", "outreach", "--json");
        Assert.Equal(files.Length, first.Json()["invalid"]!.GetValue<int>());
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        var second = await _cli.RunAsync("drain", "--pipeline", "outreach", "--json");
        Assert.Equal(0, second.Json()["received"]!.GetValue<int>());
    }
}
