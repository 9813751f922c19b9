using SesAnalytics.Core.Events;
using SesAnalytics.Core.Sending;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Tests.Cli;

public sealed class EngageCommandTests : IDisposable
{
    private const string Pipeline = "outreach";

    private readonly EmbeddedCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task EngageOpen_SentMessage_OpenIsCountedAfterTheDrain()
    {
        var messageId = await SendAsync();
        await _cli.RunAsync("drain", "--pipeline", Pipeline);
        var before = await CountsAsync();

        var engage = await _cli.RunAsync("engage", "open", "--pipeline", Pipeline, "--message-id", messageId);
        var drain = await _cli.RunAsync("drain", "--pipeline", Pipeline, "--json");
        var after = await CountsAsync();

        Assert.True(engage.ExitCode == 0, engage.ToString());
        Assert.Contains($"Published an Open of message '{messageId}' on pipeline 'outreach'", engage.Output);
        Assert.Equal(1, drain.Json()["stored"]!.GetValue<int>());
        Assert.Equal((0L, 1L), (before.Opened, before.Delivered));
        Assert.Equal((1L, 1L), (after.Opened, after.Delivered));
    }

    [Fact]
    public async Task EngageClick_NoLinkGiven_ClicksTheMessagesFirstLink()
    {
        var messageId = await SendAsync();

        var engage = await _cli.RunAsync("engage", "click", "--pipeline", Pipeline, "--message-id", messageId, "--json");
        await _cli.RunAsync("drain", "--pipeline", Pipeline);

        Assert.True(engage.ExitCode == 0, engage.ToString());
        Assert.Equal("CLICK", engage.Json()["eventType"]!.GetValue<string>());
        var records = await TrackingRecords.AllAsync(_cli.Harness.Store, Pipeline);
        var click = Assert.Single(records, r => r.EventType == SesEventType.Click);
        Assert.Equal("https://example.com/offer", click.Link);
        Assert.Equal(1, (await CountsAsync()).Clicked);
    }

    [Fact]
    public async Task EngageOpen_UnknownMessage_ExitsOneNamingIt()
    {
        var engage = await _cli.RunAsync("engage", "open", "--pipeline", Pipeline, "--message-id", "0100-unknown-000000");

        Assert.Equal(1, engage.ExitCode);
        Assert.Contains("--message-id", engage.Error);
        Assert.Contains("no message '0100-unknown-000000'", engage.Error);
    }

    [Fact]
    public async Task EngageOpen_MessageOfAnotherPipeline_ExitsOneNamingBoth()
    {
        var messageId = await SendAsync();

        var engage = await _cli.RunAsync("engage", "open", "--pipeline", "financial", "--message-id", messageId);

        Assert.Equal(1, engage.ExitCode);
        Assert.Contains("was sent on pipeline 'outreach', not 'financial'", engage.Error);
    }

    [Fact]
    public async Task EngageOpen_AwsProviders_RefusesWithoutTouchingAws()
    {
        var settings = SettingsFiles.WriteAppSettings(
            Path.Combine(_cli.Folder, "aws.json"),
            [KeyValuePair.Create("SesAnalytics:Aws:Region", (string?)"eu-west-1")]);

        var engage = await CliRunner.RunAsync(
            CliRunner.NoVariables,
            "engage", "open", "--pipeline", Pipeline, "--message-id", "any", "--settings", settings);

        Assert.Equal(1, engage.ExitCode);
        Assert.Contains("engage works only with the embedded providers", engage.Error);
        Assert.Contains("SesAnalytics:Aws:Region", engage.Error);
    }

    private async Task<string> SendAsync()
    {
        var outcome = Assert.Single(await _cli.Harness.Sender.SendAsync(
            [
                new OutgoingEmail
                {
                    Pipeline = Pipeline,
                    From = "Outreach <outreach@example.com>",
                    To = "ana@example.com",
                    ConfigurationSet = "outreach-tracking",
                    Content = new EmailContent
                    {
                        Subject = "Hello",
                        Html = "<p>Hi</p><a href=\"https://example.com/offer\">offer</a>",
                    },
                    Tags = new Dictionary<string, string> { ["campaign"] = "spring-2026" },
                },
            ],
            CancellationToken.None));
        Assert.Equal(SendStatus.Sent, outcome.Status);
        return outcome.MessageId!;
    }

    private Task<EngagementCounts> CountsAsync() =>
        _cli.Harness.Store.GetCountsAsync(Pipeline, TimeWindow.All, "spring-2026", CancellationToken.None);
}
