using SesAnalytics.Core.Events;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Tests.Core;

public sealed class TrackingRequestParserTests
{
    private static TrackingRequest? Parse(string query, bool windowRequired, out IReadOnlyList<SesAnalytics.Core.Sending.RequestProblem> problems)
    {
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query);
        return TrackingRequestParser.Parse(
            name => values.TryGetValue(name, out var v) ? v.ToString() : null,
            windowRequired,
            out problems);
    }

    [Theory]
    [InlineData("?month=JANUARY&year=2026")]
    [InlineData("?month=january&year=2026")]
    [InlineData("?month=January&year=2026")]
    public void Parse_MonthInAnyCase_CoversTheWholeMonth(string query)
    {
        var request = Parse(query, windowRequired: true, out var problems);

        Assert.Empty(problems);
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), request!.Window!.From);
        Assert.Equal(new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero), request.Window.To);
        Assert.Equal(500, request.Limit);
    }

    [Fact]
    public void Parse_DatesAndInstants_FromInclusiveToExclusive()
    {
        var request = Parse("?from=2026-01-10&to=2026-01-13T10:20:30.123Z&limit=20&eventType=open&email=Ana@Example.com", true, out var problems);

        Assert.Empty(problems);
        Assert.Equal(new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero), request!.Window!.From);
        Assert.Equal(new DateTimeOffset(2026, 1, 13, 10, 20, 30, 123, TimeSpan.Zero), request.Window.To);
        Assert.Equal(20, request.Limit);
        Assert.Equal(SesEventType.Open, request.EventType);
        Assert.Equal("ana@example.com", request.Email);
    }

    [Theory]
    [InlineData("?month=janvier&year=2026", "month")]
    [InlineData("?month=january", "year")]
    [InlineData("?year=2026", "month")]
    [InlineData("?month=january&year=26", "year")]
    [InlineData("?month=january&year=1999", "year")]
    [InlineData("?month=january&year=2026&limit=0", "limit")]
    [InlineData("?month=january&year=2026&limit=501", "limit")]
    [InlineData("?month=january&year=2026&limit=ten", "limit")]
    [InlineData("?from=2026-02-01&to=2026-01-01", "from")]
    [InlineData("?from=2026-02-01", "to")]
    [InlineData("?from=yesterday&to=2026-01-01", "from")]
    [InlineData("?from=2026-01-01&to=2026-13-01", "to")]
    [InlineData("?month=january&year=2026&eventType=OPENED", "eventType")]
    [InlineData("?month=january&year=2026&email=nobody", "email")]
    [InlineData("?month=january&year=2026&campaignId=a%20b", "campaignId")]
    [InlineData("?month=january&year=2026&from=2026-01-01&to=2026-01-02", "month")]
    [InlineData("", "month")]
    public void Parse_BadParameter_NamesIt(string query, string parameter)
    {
        var request = Parse(query, windowRequired: true, out var problems);

        Assert.Null(request);
        Assert.Contains(problems, p => p.Parameter == parameter);
    }

    [Fact]
    public void Parse_NoWindowForMetrics_IsAccepted()
    {
        var request = Parse("?campaignId=spring-2026", windowRequired: false, out var problems);

        Assert.Empty(problems);
        Assert.Null(request!.Window);
        Assert.Equal("spring-2026", request.CampaignId);
    }
}
