using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using SesAnalytics.Core.Sending;

namespace SesAnalytics.Functions.Http;

/// <summary>RFC 9457 problem responses (<c>application/problem+json</c>) that name each bad parameter.</summary>
internal static class Problems
{
    public const string ContentType = "application/problem+json";

    public static IActionResult BadRequest(IEnumerable<RequestProblem> problems)
    {
        var errors = problems
            .GroupBy(p => p.Parameter, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(p => $"{p.Parameter}: {p.Detail}").ToArray(), StringComparer.Ordinal);
        var details = new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid parameters.",
            Detail = string.Join("; ", errors.Values.SelectMany(v => v)),
        };
        return Result(details);
    }

    public static IActionResult BadRequest(string parameter, string detail) =>
        BadRequest([new RequestProblem(parameter, detail)]);

    public static IActionResult BodyTooLarge() =>
        BadRequest("body", $"is larger than {RequestBodies.MaxBytes} bytes");

    public static IActionResult NotFound(string detail) => Result(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound,
        Title = "Not found.",
        Detail = detail,
    });

    public static IActionResult UnsupportedMediaType(string detail) => Result(new ProblemDetails
    {
        Status = StatusCodes.Status415UnsupportedMediaType,
        Title = "Unsupported media type.",
        Detail = detail,
    });

    private static ObjectResult Result(ProblemDetails details)
    {
        var result = new ObjectResult(details) { StatusCode = details.Status };
        result.ContentTypes.Add(ContentType);
        return result;
    }
}
