using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace SesAnalytics.Standalone.Hosting;

/// <summary>Maps every HTTP function to <c>/api/{route}</c>, with the Functions host's key check.</summary>
internal static class FunctionEndpoints
{
    public const string RoutePrefix = "api";

    public static void MapFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog)
    {
        foreach (var function in catalog.Http)
        {
            endpoints.MapMethods($"/{RoutePrefix}/{function.Route}", function.Methods, context => HandleAsync(context, function))
                .WithName(function.Name);
        }
    }

    private static async Task HandleAsync(HttpContext context, HttpFunction function)
    {
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<StandaloneOptions>>().Value;
        if (function.AuthLevel != AuthorizationLevel.Anonymous && !HasKey(context.Request, options.FunctionKey))
        {
            await WriteAsync(context, Problem(StatusCodes.Status401Unauthorized, "A function key is required in the x-functions-key header."));
            return;
        }

        IActionResult? result;
        try
        {
            result = await FunctionInvoker.InvokeAsync(services, function.Method, p => FunctionInvoker.BindHttp(p, context)) as IActionResult;
        }
        catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
        {
            // As the Functions host does: the failure is logged with its exception and the caller gets a bare 500.
            Log.FunctionFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger("SesAnalytics.Standalone"), e, function.Name);
            result = Problem(StatusCodes.Status500InternalServerError, "The function failed; the error is in the host's log.");
        }

        await WriteAsync(context, result ?? new NoContentResult());
    }

    private static bool HasKey(HttpRequest request, string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return true;
        }

        var given = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault();
        return given is not null &&
               CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(key));
    }

    private static ObjectResult Problem(int status, string detail)
    {
        var result = new ObjectResult(new ProblemDetails { Status = status, Title = ReasonPhrases(status), Detail = detail })
        {
            StatusCode = status,
        };
        result.ContentTypes.Add("application/problem+json");
        return result;
    }

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static Task WriteAsync(HttpContext context, IActionResult result)
    {
        var actionContext = new ActionContext(context, context.GetRouteData(), new ActionDescriptor());
        return result.ExecuteResultAsync(actionContext);
    }
}
