using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Tests.Hosting;
using SesAnalytics.Tests.Robustness;

namespace SesAnalytics.Tests.Security;

/// <summary>
/// Every route the standalone host serves, called without a function key and with a wrong one: only health and
/// unsubscribe answer, everything else is 401. The host serves exactly the functions of <c>functions.metadata</c>.
/// </summary>
public abstract class FunctionKeyScenarios
{
    protected abstract Task<ProviderSet> CreateProvidersAsync();

    [Fact]
    public async Task EveryRoute_WithoutOrWithWrongKey_OnlyHealthAndUnsubscribeAnswer()
    {
        await using var providers = await CreateProvidersAsync();
        await using var host = await StandaloneTestHost.StartAsync(providers.Settings, providers.ConfigureServices);
        var metadata = FunctionMetadata.HttpFunctions();
        var served = Served(host);
        using var withoutKey = host.Client(withKey: false);
        using var wrongKey = host.Client(withKey: false);
        wrongKey.DefaultRequestHeaders.Add("x-functions-key", StandaloneTestHost.FunctionKey + "x");

        var answers = new List<(string Route, bool Anonymous, HttpStatusCode WithoutKey, HttpStatusCode WrongKey)>();
        foreach (var (method, pattern) in served)
        {
            var function = metadata.Single(f => $"/api/{f.Route}" == pattern && f.Methods.Contains(method));
            var path = pattern.Replace("{pipeline}", "outreach", StringComparison.Ordinal);
            var withoutKeyStatus = await CallAsync(withoutKey, method, path);
            var wrongKeyStatus = await CallAsync(wrongKey, method, path);
            answers.Add(($"{method} {pattern}", function.IsAnonymous, withoutKeyStatus, wrongKeyStatus));
        }

        Assert.Equal(
            metadata.SelectMany(f => f.Methods.Select(m => $"{m} /api/{f.Route}")).Order(StringComparer.Ordinal),
            served.Select(s => $"{s.Method} {s.Pattern}").Order(StringComparer.Ordinal));
        Assert.Equal(
            ["GET /api/health", "GET /api/unsubscribe", "POST /api/unsubscribe"],
            answers.Where(a => a.WithoutKey != HttpStatusCode.Unauthorized).Select(a => a.Route).Order(StringComparer.Ordinal));
        Assert.All(answers.Where(a => !a.Anonymous), a => Assert.Equal(HttpStatusCode.Unauthorized, a.WrongKey));
        Assert.All(answers.Where(a => a.Anonymous), a => Assert.NotEqual(HttpStatusCode.Unauthorized, a.WithoutKey));
    }

    /// <summary>Each (method, route pattern) the host maps to a function.</summary>
    private static List<(string Method, string Pattern)> Served(StandaloneTestHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (m, e.RoutePattern.RawText!)))
            .ToList();

    private static async Task<HttpStatusCode> CallAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }
}
