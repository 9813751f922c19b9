using System.Net;
using System.Text.Json;

namespace SesAnalytics.Tests.Operations;

/// <summary>An answer of <c>GET /api/health</c>: status code, body text and parsed body.</summary>
internal sealed record HealthAnswer(HttpStatusCode Status, string Text, JsonElement Body)
{
    public static async Task<HealthAnswer> GetAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/api/health");
        var text = await response.Content.ReadAsStringAsync();
        using var body = JsonDocument.Parse(text);
        return new HealthAnswer(response.StatusCode, text, body.RootElement.Clone());
    }

    public JsonElement Pipeline(string id) =>
        Body.GetProperty("pipelines").EnumerateArray().Single(p => p.GetProperty("pipeline").GetString() == id);
}
