namespace SesAnalytics.Tests.Aws;

/// <summary>An HTTP request as it left the client: method, URI, headers (request and content) and body.</summary>
public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    IReadOnlyDictionary<string, string> Headers,
    string Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
