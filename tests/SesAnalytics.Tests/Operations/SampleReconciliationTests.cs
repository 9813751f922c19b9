using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Providers;
using SesAnalytics.Tests.Embedded;
using SesAnalytics.Tests.EndToEnd;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.Operations;

/// <summary>
/// The daily reconciliation (<c>GET /api/{pipeline}/reconciliation?day=</c>) after every shared sample is replayed
/// into the financial pipeline: for each day, the numbers the contract's rules give.
/// </summary>
public sealed class SampleReconciliationTests : IAsyncLifetime
{
    private const string Pipeline = "financial";

    private readonly TempFolder _data = new();
    private StandaloneTestHost? _host;

    private StandaloneTestHost Host => _host!;

    private static IReadOnlyList<ExpectedRecord> Expected => SampleCorpus.RecordsAfterReplay(SampleCorpus.Files);

    public async Task InitializeAsync()
    {
        _host = await StandaloneTestHost.StartAsync(EndToEndSettings.For(_data.Path, ("SesAnalytics:Drain:ReceiveWait", "00:00:00")));
        await Host.Services.GetRequiredService<IEventQueues>().SendAsync(Pipeline, SampleCorpus.Bodies, CancellationToken.None);
        await Host.DrainAsync(Pipeline);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Reconciliation_EverySendDayOfTheSamples_MatchesTheContractRules()
    {
        using var client = Host.Client();
        var days = ContractRules.SendDays(Expected);

        var answers = new List<(DateOnly Day, (long, long, long, long, long) Numbers)>();
        foreach (var day in days)
        {
            answers.Add((day, await AppApi.ReconciliationAsync(client, Pipeline, day)));
        }

        Assert.Equal(15, days.Count);
        Assert.All(answers, a => Assert.Equal(ContractRules.Reconciliation(Expected, a.Day), a.Numbers));
        Assert.Equal(22, answers.Sum(a => a.Numbers.Item1));
    }

    [Theory]
    [InlineData("2016-01-27", 5, 1, 2, 0, 2)]
    [InlineData("2016-10-14", 1, 1, 1, 1, 0)]
    [InlineData("2020-05-29", 1, 0, 0, 0, 1)]
    [InlineData("2022-01-12", 0, 0, 0, 0, 0)]
    [InlineData("2020-04-02", 3, 1, 1, 0, 1)]
    [InlineData("2026-01-01", 0, 0, 0, 0, 0)]
    public async Task Reconciliation_Day_IsTheHandCountedNumbers(
        string day,
        long sent,
        long delivered,
        long bounced,
        long rejected,
        long missing)
    {
        using var client = Host.Client();

        var answer = await AppApi.ReconciliationAsync(client, Pipeline, DateOnly.Parse(day, CultureInfo.InvariantCulture));

        Assert.Equal((sent, delivered, bounced, rejected, missing), answer);
    }

    [Theory]
    [InlineData("/api/financial/reconciliation", "day")]
    [InlineData("/api/financial/reconciliation?day=27-01-2016", "day")]
    [InlineData("/api/nightly/reconciliation?day=2016-01-27", "pipeline")]
    public async Task Reconciliation_BadRequest_Answers400NamingTheParameter(string url, string parameter)
    {
        using var client = Host.Client();

        var response = await client.GetAsync(url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}
