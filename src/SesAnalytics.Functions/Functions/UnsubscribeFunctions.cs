using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using SesAnalytics.Core.Diagnostics;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Functions.Http;

namespace SesAnalytics.Functions.Functions;

/// <summary>
/// RFC 8058 one-click unsubscribe. POST (what mail clients send) unsubscribes, idempotently. GET only shows a
/// confirmation page whose button posts, because link scanners follow GETs. The signed token is the only
/// authority; a bad token answers 400 and changes nothing.
/// </summary>
public sealed class UnsubscribeFunctions(
    UnsubscribeTokenSigner tokens,
    ISuppressionList suppressions,
    PipelineCatalog pipelines,
    TimeProvider time,
    ILogger<UnsubscribeFunctions> logger)
{
    [Function("UnsubscribePage")]
    public IActionResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "unsubscribe")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = Verify(request, out var refused);
        if (token is null)
        {
            return refused!;
        }

        var action = $"{request.PathBase}{request.Path}{request.QueryString}";
        return Html(StatusCodes.Status200OK, UnsubscribePages.Confirm(EmailMask.Mask(token.Email), action));
    }

    [Function("UnsubscribeOneClick")]
    public async Task<IActionResult> OneClickAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "unsubscribe")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = Verify(request, out var refused);
        if (token is null)
        {
            return refused!;
        }

        var entry = new SuppressionEntry(token.Email, token.Pipeline, SuppressionReason.Unsubscribed, time.GetUtcNow(), token.CampaignId);
        var added = await suppressions.AddAsync(entry, cancellationToken);
        Log.Unsubscribed(logger, EmailMask.Mask(token.Email), token.Pipeline, token.CampaignId, added);
        return Html(StatusCodes.Status200OK, UnsubscribePages.Done(EmailMask.Mask(token.Email)));
    }

    private UnsubscribeToken? Verify(HttpRequest request, out IActionResult? refused)
    {
        refused = null;
        var values = request.Query["token"];
        string? problem;
        UnsubscribeToken? token = null;
        if (values.Count == 1)
        {
            token = tokens.Verify(values[0], out problem);
        }
        else
        {
            problem = values.Count == 0 ? "token is missing" : "token is given more than once";
        }

        if (token is not null && pipelines.Find(token.Pipeline) is null)
        {
            problem = "token names a pipeline that is not configured";
            token = null;
        }

        if (token is null)
        {
            Log.UnsubscribeRefused(logger, problem!);
            refused = WantsHtml(request)
                ? Html(StatusCodes.Status400BadRequest, UnsubscribePages.Refused(problem!))
                : Problems.BadRequest("token", problem!.StartsWith("token ", StringComparison.Ordinal) ? problem[6..] : problem);
        }

        return token;
    }

    /// <summary>Browsers get a page; mail clients and scripts get application/problem+json.</summary>
    private static bool WantsHtml(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);

    private static ContentResult Html(int status, string content) => new()
    {
        StatusCode = status,
        ContentType = "text/html; charset=utf-8",
        Content = content,
    };
}
