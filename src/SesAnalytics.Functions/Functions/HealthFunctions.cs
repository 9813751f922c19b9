using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using SesAnalytics.Core.Health;

namespace SesAnalytics.Functions.Functions;

/// <summary>Per-pipeline health, anonymous and free of personal data: 200 when every pipeline is healthy, else 503.</summary>
public sealed class HealthFunctions(HealthService health)
{
    [Function("Health")]
    public async Task<IActionResult> HealthAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pipelines = await health.CheckAllAsync(cancellationToken);
        var healthy = pipelines.All(p => p.Healthy);
        var body = new HealthResponse(healthy ? "healthy" : "unhealthy", pipelines);
        return new ObjectResult(body)
        {
            StatusCode = healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
        };
    }
}
