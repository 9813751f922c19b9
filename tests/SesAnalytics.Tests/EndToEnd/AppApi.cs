using System.Net.Http.Json;
using System.Text.Json;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>Reads the app's answers through its HTTP routes, as a caller would.</summary>
internal static class AppApi
{
    /// <summary>Route of each pipeline's tracking query.</summary>
    public static string TrackingRoute(string pipeline) => pipeline switch
    {
        "outreach" => "/api/outreach/tracking-data-ses",
        "financial" => "/api/financial/tracking-data",
        _ => throw new ArgumentException($"No tracking route for pipeline '{pipeline}'.", nameof(pipeline)),
    };

    /// <summary>Every record of a tracking query, following <c>nextToken</c> to the last page.</summary>
    public static async Task<IReadOnlyList<ExpectedRecord>> TrackingAsync(HttpClient client, string pipeline, string query)
    {
        var records = new List<ExpectedRecord>();
        string? token = null;
        var pages = 0;
        do
        {
            var url = $"{TrackingRoute(pipeline)}?{query}" + (token is null ? string.Empty : "&nextToken=" + Uri.EscapeDataString(token));
            var page = await client.GetFromJsonAsync<JsonElement>(url);
            var items = page.GetProperty("items").EnumerateArray().Select(ExpectedRecord.FromTrackingItem).ToList();
            Assert.Equal(items.Count, page.GetProperty("count").GetInt32());
            records.AddRange(items);
            token = page.GetProperty("nextToken").GetString();
            Assert.True(++pages < 1000, "paging does not end");
        }
        while (token is not null);

        return records;
    }

    /// <summary>Every retained record of a pipeline: the widest window the routes accept.</summary>
    public static Task<IReadOnlyList<ExpectedRecord>> AllTrackingAsync(HttpClient client, string pipeline) =>
        TrackingAsync(client, pipeline, "from=2000-01-01&to=2100-01-01&limit=500");

    public static async Task<ExpectedMetrics> MetricsAsync(HttpClient client, string pipeline, string query = "")
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/{pipeline}/metrics?{query}");
        return ExpectedMetrics.FromResponse(body);
    }

    /// <summary>The reconciliation of one UTC day, in the order of <see cref="ContractRules.Reconciliation"/>.</summary>
    public static async Task<(long Sent, long Delivered, long Bounced, long Rejected, long Missing)> ReconciliationAsync(
        HttpClient client,
        string pipeline,
        DateOnly day)
    {
        var body = await client.GetFromJsonAsync<JsonElement>($"/api/{pipeline}/reconciliation?day={day:yyyy-MM-dd}");
        return (
            body.GetProperty("sent").GetInt64(),
            body.GetProperty("delivered").GetInt64(),
            body.GetProperty("bounced").GetInt64(),
            body.GetProperty("rejected").GetInt64(),
            body.GetProperty("missing").GetInt64());
    }
}
