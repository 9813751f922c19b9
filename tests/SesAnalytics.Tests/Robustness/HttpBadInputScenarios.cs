using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.Robustness;

/// <summary>
/// Every route of the standalone host, given each caller's mistake of <see cref="BadInputCases"/>: each answers
/// the expected 4xx as <c>application/problem+json</c> naming what was wrong, never a 5xx. Run on every provider set,
/// since cursors and some checks belong to the providers.
/// </summary>
public abstract class HttpBadInputScenarios
{
    protected abstract Task<ProviderSet> CreateProvidersAsync();

    [Fact]
    public async Task EveryRoute_CallersMistakes_AnswerProblemNamingTheParameterAndNever5xx()
    {
        await using var providers = await CreateProvidersAsync();
        await using var host = await StandaloneTestHost.StartAsync(providers.Settings, providers.ConfigureServices);
        var seeded = await SeedAsync(host);
        using var withKey = host.Client();
        using var withoutKey = host.Client(withKey: false);
        var cases = BadInputCases.All(seeded).Concat(BadInputCases.Edges()).ToList();

        var failures = new List<string>();
        foreach (var badInput in cases)
        {
            var problem = await CheckAsync(badInput.WithKey ? withKey : withoutKey, badInput);
            if (problem is not null)
            {
                failures.Add($"{badInput}: {problem}");
            }
        }

        Assert.True(cases.Count > 150, "The table should cover every route.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {cases.Count} cases failed:\n" + string.Join('\n', failures));
    }

    /// <summary>Puts a few fresh events on each pipeline's queue and drains them, then takes a first page's cursor.</summary>
    private static async Task<SeededInput> SeedAsync(StandaloneTestHost host)
    {
        var queues = host.Services.GetRequiredService<IEventQueues>();
        var now = DateTimeOffset.UtcNow.AddMinutes(-10);
        foreach (var pipeline in new[] { PipelineDefaults.Outreach, PipelineDefaults.Financial })
        {
            var bodies = Enumerable.Range(0, 3)
                .Select(i => SesEventJson.Delivery($"seed-{pipeline}-{i}", $"seed{i}@example.com", now.AddSeconds(i), "seed"))
                .ToList();
            await queues.SendAsync(pipeline, bodies, CancellationToken.None);
            await host.DrainAsync(pipeline);
        }

        using var client = host.Client();
        return new SeededInput(
            await FirstCursorAsync(client, BadInputCases.OutreachPage),
            await FirstCursorAsync(client, BadInputCases.FinancialPage),
            host.Services.GetRequiredService<UnsubscribeTokenSigner>());
    }

    private static async Task<string> FirstCursorAsync(HttpClient client, string path)
    {
        var page = await client.GetFromJsonAsync<JsonElement>(path);
        return page.GetProperty("nextToken").GetString()
            ?? throw new InvalidOperationException($"{path} should have answered with a next page.");
    }

    /// <summary>Null when the answer is what the case expects, else what was wrong with it.</summary>
    private static async Task<string?> CheckAsync(HttpClient client, BadInputCase badInput)
    {
        using var request = new HttpRequestMessage(badInput.Method, badInput.Path);
        if (badInput.Body is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(badInput.Body);
            request.Content = badInput.Chunked ? new StreamContent(new UnseekableStream(bytes)) : new ByteArrayContent(bytes);
            if (badInput.ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(badInput.ContentType);
            }
        }

        using var response = await client.SendAsync(request);
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var shown = text.Length > 300 ? text[..300] + "…" : text;
        if (badInput.Status == 0)
        {
            return status >= 500 ? $"answered {status}: {shown}" : null;
        }

        if (status != badInput.Status)
        {
            return $"answered {status}, expected {badInput.Status}: {shown}";
        }

        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"answered {response.Content.Headers.ContentType} instead of application/problem+json: {shown}";
        }

        JsonElement problem;
        try
        {
            problem = JsonSerializer.Deserialize<JsonElement>(text);
        }
        catch (JsonException e)
        {
            return $"the problem is not JSON ({e.Message}): {shown}";
        }

        if (problem.ValueKind != JsonValueKind.Object || !problem.TryGetProperty("detail", out var detail)
            || string.IsNullOrWhiteSpace(detail.GetString()))
        {
            return $"the problem has no detail: {shown}";
        }

        if (badInput.Parameter is { } parameter
            && !(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                 && errors.TryGetProperty(parameter, out _)))
        {
            return $"the problem does not name '{parameter}': {shown}";
        }

        return null;
    }
}
