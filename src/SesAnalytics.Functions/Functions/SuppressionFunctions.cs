using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Sending;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Functions.Http;

namespace SesAnalytics.Functions.Functions;

/// <summary>Operator routes to look up, add and lift suppressions.</summary>
public sealed class SuppressionFunctions(ISuppressionList suppressions, PipelineCatalog pipelines, TimeProvider time)
{
    [Function("SuppressionsLookup")]
    public async Task<IActionResult> LookupAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "suppressions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!TryEmail(TrackingFunctions.QueryValue(request, "email"), out var email, out var problem))
        {
            return problem!;
        }

        return new OkObjectResult(new { email, suppressions = await suppressions.ListAsync(email, cancellationToken) });
    }

    [Function("SuppressionsAdd")]
    public async Task<IActionResult> AddAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "suppressions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (RequestBodies.NonJsonContentType(request) is { } type)
        {
            return Problems.UnsupportedMediaType($"the body must be JSON (application/json), not '{type}'");
        }

        var body = await RequestBodies.ReadTextAsync(request, cancellationToken);
        if (body is null)
        {
            return Problems.BodyTooLarge();
        }

        string? emailText;
        string? scopeText;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Problems.BadRequest("body", "must be a JSON object with email and scope");
            }

            if (!TryStringProperty(document.RootElement, "email", out emailText))
            {
                return Problems.BadRequest("email", "must be a string");
            }

            if (!TryStringProperty(document.RootElement, "scope", out scopeText))
            {
                return Problems.BadRequest("scope", "must be a string");
            }

            scopeText ??= SuppressionEntry.AllPipelines;
        }
        catch (JsonException e)
        {
            return Problems.BadRequest("body", $"is not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException)
        {
            // JsonElement refuses to turn an escaped lone UTF-16 surrogate ("\ud800") into a string.
            return Problems.BadRequest([SendRequestParser.LoneSurrogate]);
        }

        if (!TryEmail(emailText, out var email, out var problem))
        {
            return problem!;
        }

        if (!TryScope(scopeText, out var scope, out problem))
        {
            return problem!;
        }

        var entry = new SuppressionEntry(email, scope, SuppressionReason.Manual, time.GetUtcNow(), null);
        var added = await suppressions.AddAsync(entry, cancellationToken);
        return new ObjectResult(new { added, suppressions = await suppressions.ListAsync(email, cancellationToken) })
        {
            StatusCode = added ? StatusCodes.Status201Created : StatusCodes.Status200OK,
        };
    }

    [Function("SuppressionsLift")]
    public async Task<IActionResult> LiftAsync(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "suppressions")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!TryEmail(TrackingFunctions.QueryValue(request, "email"), out var email, out var problem))
        {
            return problem!;
        }

        if (!TryScope(TrackingFunctions.QueryValue(request, "scope") ?? SuppressionEntry.AllPipelines, out var scope, out problem))
        {
            return problem!;
        }

        return await suppressions.RemoveAsync(scope, email, cancellationToken)
            ? new NoContentResult()
            : Problems.NotFound($"the address is not suppressed for scope '{scope}'");
    }

    /// <summary>The property's text (null when absent or null); false when it holds something other than a string.</summary>
    private static bool TryStringProperty(JsonElement obj, string name, out string? text)
    {
        text = null;
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        return text is not null;
    }

    private static bool TryEmail(string? text, out string email, out IActionResult? problem)
    {
        problem = null;
        if (text is not null && SendRequestParser.TryBareAddress(text, out email))
        {
            return true;
        }

        email = string.Empty;
        problem = Problems.BadRequest("email", text is null ? "is required" : "is not a valid email address");
        return false;
    }

    private bool TryScope(string scopeText, out string scope, out IActionResult? problem)
    {
        problem = null;
        scope = scopeText == SuppressionEntry.AllPipelines ? scopeText : pipelines.Find(scopeText)?.Id ?? string.Empty;
        if (scope.Length > 0)
        {
            return true;
        }

        problem = Problems.BadRequest(
            "scope",
            $"must be '*' (all pipelines) or a pipeline ({string.Join(", ", pipelines.All.Select(p => p.Id))})");
        return false;
    }
}
