using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Functions.Http;

namespace SesAnalytics.Functions.Functions;

/// <summary>Engagement metrics and daily reconciliation, computed server-side from the store's aggregates.</summary>
public sealed class MetricsFunctions(PipelineCatalog pipelines, ITrackingStore store)
{
    [Function("PipelineMetrics")]
    public async Task<IActionResult> MetricsAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "{pipeline}/metrics")] HttpRequest request,
        string pipeline,
        CancellationToken cancellationToken)
    {
        var known = pipelines.Find(pipeline);
        if (known is null)
        {
            return UnknownPipeline(pipeline);
        }

        var parsed = TrackingRequestParser.Parse(name => TrackingFunctions.QueryValue(request, name), windowRequired: false, out var problems);
        if (parsed is null)
        {
            return Problems.BadRequest(problems);
        }

        var window = parsed.Window ?? TimeWindow.All;
        var counts = await store.GetCountsAsync(known.Id, window, parsed.CampaignId, cancellationToken);
        var metrics = EngagementMetrics.From(counts);
        return new OkObjectResult(new MetricsResponse(
            known.Id,
            parsed.Window is null ? null : EventTimestamps.Format(window.From),
            parsed.Window is null ? null : EventTimestamps.Format(window.To),
            parsed.CampaignId,
            counts.Sent,
            counts.Delivered,
            counts.Opened,
            counts.Clicked,
            counts.Bounced,
            counts.Complained,
            counts.Rejected,
            metrics.DeliveryRate,
            metrics.BounceRate,
            metrics.OpenRate,
            metrics.ClickRate,
            metrics.ComplaintRate));
    }

    [Function("PipelineReconciliation")]
    public async Task<IActionResult> ReconciliationAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "{pipeline}/reconciliation")] HttpRequest request,
        string pipeline,
        CancellationToken cancellationToken)
    {
        var known = pipelines.Find(pipeline);
        if (known is null)
        {
            return UnknownPipeline(pipeline);
        }

        var dayText = TrackingFunctions.QueryValue(request, "day");
        if (dayText is null ||
            !DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return Problems.BadRequest("day", "is required as an ISO-8601 date (2026-01-31)");
        }

        return new OkObjectResult(await store.ReconcileAsync(known.Id, day, cancellationToken));
    }

    private IActionResult UnknownPipeline(string pipeline) => Problems.BadRequest(
        "pipeline",
        $"'{(pipeline.Length > 40 ? pipeline[..40] : pipeline)}' is not a configured pipeline " +
        $"({string.Join(", ", pipelines.All.Select(p => p.Id))})");
}
