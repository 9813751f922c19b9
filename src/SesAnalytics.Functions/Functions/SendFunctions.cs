using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Sending;
using SesAnalytics.Functions.Http;

namespace SesAnalytics.Functions.Functions;

/// <summary>The send routes: templated campaign email (outreach) and report email (financial).</summary>
public sealed class SendFunctions(PipelineCatalog pipelines, SendService sender)
{
    [Function("OutreachSend")]
    public Task<IActionResult> OutreachSendAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "outreach/send")] HttpRequest request,
        CancellationToken cancellationToken) =>
        SendAsync(PipelineDefaults.Outreach, request, allowReportId: false, cancellationToken);

    [Function("FinancialSendReport")]
    public Task<IActionResult> FinancialSendReportAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "financial/send-report")] HttpRequest request,
        CancellationToken cancellationToken) =>
        SendAsync(PipelineDefaults.Financial, request, allowReportId: true, cancellationToken);

    private async Task<IActionResult> SendAsync(
        string pipelineId,
        HttpRequest request,
        bool allowReportId,
        CancellationToken cancellationToken)
    {
        var pipeline = pipelines.Get(pipelineId);
        if (RequestBodies.NonJsonContentType(request) is { } type)
        {
            return Problems.UnsupportedMediaType($"the body must be JSON (application/json), not '{type}'");
        }

        var body = await RequestBodies.ReadTextAsync(request, cancellationToken);
        if (body is null)
        {
            return Problems.BodyTooLarge();
        }

        var parsed = SendRequestParser.Parse(body, pipeline.MaxRecipientsPerRequest, allowReportId, out var problems);
        if (parsed is null)
        {
            return Problems.BadRequest(problems);
        }

        var outcomes = await sender.SendAsync(pipeline, parsed, cancellationToken);
        var results = outcomes.Select(o => new SendResult(
            o.Recipient,
            o.Status.ToString().ToLowerInvariant(),
            o.MessageId,
            o.Reason,
            o.SuppressedSince is { } since ? EventTimestamps.Format(since) : null));
        return new ObjectResult(new SendResponse(results.ToList())) { StatusCode = StatusCodes.Status202Accepted };
    }
}
