using System.Net;
using Microsoft.AspNetCore.Routing.Template;
using SesAnalytics.Functions.Functions;
using SesAnalytics.Hosting;

namespace SesAnalytics.Standalone.Hosting;

/// <summary>
/// Serves the Functions project's classes on Kestrel, bound to loopback, and runs its timer functions: the app
/// without Azure Functions Core Tools.
/// </summary>
public static class StandaloneApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddOptions<StandaloneOptions>()
            .Bind(builder.Configuration.GetSection(StandaloneOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSesAnalyticsApp(builder.Configuration);
        builder.Services.AddMvcCore();
        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            var port = context.Configuration.GetValue($"{StandaloneOptions.SectionName}:Port", 7071);
            kestrel.Listen(IPAddress.Loopback, port);
        });

        var catalog = FunctionCatalog.Read(typeof(SendFunctions).Assembly);
        var runTimers = builder.Configuration.GetValue($"{StandaloneOptions.SectionName}:RunTimers", true);
        if (runTimers)
        {
            AddTimers(builder, catalog);
        }

        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseRouting();
        app.MapFunctions(catalog);
        // "{*path}" rather than the default pattern, which leaves paths that look like file names to a bare 404.
        app.MapFallback("{*path}", context => NoFunctionAsync(context, catalog));
        return app;
    }

    /// <summary>404, or 405 with <c>Allow</c> when the path is a function's under another method; problem+json either way.</summary>
    private static Task NoFunctionAsync(HttpContext context, FunctionCatalog catalog)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        var allowed = catalog.Http
            .Where(f => new TemplateMatcher(TemplateParser.Parse($"{FunctionEndpoints.RoutePrefix}/{f.Route}"), []).TryMatch(path, []))
            .SelectMany(f => f.Methods)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var status = allowed.Count > 0 ? StatusCodes.Status405MethodNotAllowed : StatusCodes.Status404NotFound;
        if (allowed.Count > 0)
        {
            context.Response.Headers.Allow = string.Join(", ", allowed);
        }

        context.Response.StatusCode = status;
        var detail = allowed.Count > 0
            ? $"{context.Request.Method} is not allowed here; use {string.Join(" or ", allowed)}."
            : $"No function answers {context.Request.Method} on this path.";
        return context.Response.WriteAsJsonAsync(
            new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = status,
                Title = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
                Detail = detail,
            },
            options: null,
            contentType: "application/problem+json",
            cancellationToken: context.RequestAborted);
    }

    private static void AddTimers(WebApplicationBuilder builder, FunctionCatalog catalog)
    {
        foreach (var timer in catalog.Timers)
        {
            var expression = ResolveSetting(builder.Configuration, timer.Schedule);
            if (string.IsNullOrWhiteSpace(expression))
            {
                throw new InvalidOperationException(
                    $"Timer function {timer.Name} needs the app setting '{timer.Schedule.Trim('%')}' (an NCRONTAB schedule).");
            }

            var schedule = TimerFunctionService.ParseSchedule(timer.Name, expression);
            builder.Services.AddSingleton<IHostedService>(services => ActivatorUtilities.CreateInstance<TimerFunctionService>(
                services,
                timer,
                schedule));
        }
    }

    /// <summary>Resolves a <c>%setting%</c> expression from configuration, as the Functions host does.</summary>
    private static string? ResolveSetting(ConfigurationManager configuration, string expression) =>
        expression.Length > 2 && expression[0] == '%' && expression[^1] == '%'
            ? configuration[expression[1..^1]]
            : expression;
}
