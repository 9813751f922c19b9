using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Functions.Http;

namespace SesAnalytics.Functions.Functions;

/// <summary>The tracking routes: a pipeline's records for a month or a date range, filtered and paged.</summary>
public sealed class TrackingFunctions(ITrackingStore store)
{
    [Function("OutreachTrackingData")]
    public Task<IActionResult> OutreachTrackingAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "outreach/tracking-data-ses")] HttpRequest request,
        CancellationToken cancellationToken) =>
        QueryAsync(PipelineDefaults.Outreach, request, cancellationToken);

    [Function("FinancialTrackingData")]
    public Task<IActionResult> FinancialTrackingAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "financial/tracking-data")] HttpRequest request,
        CancellationToken cancellationToken) =>
        QueryAsync(PipelineDefaults.Financial, request, cancellationToken);

    private async Task<IActionResult> QueryAsync(string pipeline, HttpRequest request, CancellationToken cancellationToken)
    {
        var parsed = TrackingRequestParser.Parse(name => QueryValue(request, name), windowRequired: true, out var problems);
        if (parsed is null)
        {
            return Problems.BadRequest(problems);
        }

        var query = new TrackingQuery
        {
            Window = parsed.Window!,
            Email = parsed.Email,
            CampaignId = parsed.CampaignId,
            EventType = parsed.EventType,
            Limit = parsed.Limit,
            NextToken = parsed.NextToken,
        };
        TrackingPage page;
        try
        {
            page = await store.QueryAsync(pipeline, query, cancellationToken);
        }
        catch (InvalidNextTokenException e)
        {
            return Problems.BadRequest("nextToken", e.Message.StartsWith("nextToken ", StringComparison.Ordinal)
                ? e.Message["nextToken ".Length..]
                : e.Message);
        }

        var items = page.Items.Select(TrackingItem.From).ToList();
        return new OkObjectResult(new TrackingResponse(items, items.Count, page.NextToken));
    }

    /// <summary>A query parameter; given twice it is ambiguous, which the parser reports as not valid.</summary>
    internal static string? QueryValue(HttpRequest request, string name)
    {
        var values = request.Query[name];
        return values.Count switch
        {
            0 => null,
            1 => values[0],
            _ => string.Join(',', values.ToArray()),
        };
    }
}
