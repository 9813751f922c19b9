namespace SesAnalytics.Tests.Cli;

public sealed class ReconcileCommandTests : IDisposable
{
    private readonly EmbeddedCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Reconcile_DayWithEachOutcome_CountsTheMessagesSentThatDay()
    {
        const string Day = "2026-01-13T";
        var payload = SesDocuments.LambdaPayload(
        [
            SesDocuments.Send("m-delivered", Day + "08:00:00.000Z"),
            SesDocuments.Delivery("m-delivered", Day + "08:00:00.000Z", Day + "08:00:02.000Z"),
            SesDocuments.Send("m-bounced", Day + "09:00:00.000Z"),
            SesDocuments.Bounce("m-bounced", Day + "09:00:00.000Z", Day + "09:00:03.000Z"),
            SesDocuments.Send("m-rejected", Day + "10:00:00.000Z"),
            SesDocuments.Reject("m-rejected", Day + "10:00:00.000Z"),
            SesDocuments.Send("m-missing", Day + "11:00:00.000Z"),
            SesDocuments.Send("m-next-day", "2026-01-14T00:00:00.000Z"),
            SesDocuments.Delivery("m-next-day", "2026-01-14T00:00:00.000Z", "2026-01-14T00:00:01.000Z"),
        ]);
        await _cli.RunAsync("replay", "--pipeline", "outreach", _cli.WriteFile("captured-invocation.json", payload));
        var drain = await _cli.RunAsync("drain", "--pipeline", "outreach", "--json");

        var json = await _cli.RunAsync("reconcile", "--pipeline", "outreach", "--day", "2026-01-13", "--json");
        var text = await _cli.RunAsync("reconcile", "--pipeline", "outreach", "--day", "2026-01-13");

        Assert.Equal(9, drain.Json()["events"]!.GetValue<int>());
        Assert.True(json.ExitCode == 0, json.ToString());
        var result = json.Json();
        Assert.Equal("2026-01-13", result["day"]!.GetValue<string>());
        Assert.Equal(
            new long[] { 4, 1, 1, 1, 1 },
            new[] { "sent", "delivered", "bounced", "rejected", "missing" }.Select(k => result[k]!.GetValue<long>()));
        Assert.Contains("messages sent on 2026-01-13 (UTC):", text.Output);
        Assert.Contains("  missing    1", text.Output);
    }

    [Fact]
    public async Task Reconcile_DayWithNothingSent_CountsZero()
    {
        var reconcile = await _cli.RunAsync("reconcile", "--pipeline", "financial", "--day", "2026-02-01", "--json");

        Assert.Equal(0, reconcile.ExitCode);
        Assert.Equal(0, reconcile.Json()["sent"]!.GetValue<long>());
        Assert.Equal(0, reconcile.Json()["missing"]!.GetValue<long>());
    }
}
