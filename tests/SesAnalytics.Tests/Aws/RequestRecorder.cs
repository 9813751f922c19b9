using System.Collections.Concurrent;

namespace SesAnalytics.Tests.Aws;

/// <summary>
/// Keeps every request that passes through the handlers it creates. Add one with
/// <c>AddHttpMessageHandler(recorder.CreateHandler)</c>: placed after the signer, it sees signed requests.
/// </summary>
public sealed class RequestRecorder
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>A new handler per chain: the handler factory may build several.</summary>
    public DelegatingHandler CreateHandler() => new Recording(_requests);

    private sealed class Recording(ConcurrentQueue<RecordedRequest> requests) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
            var headers = request.Headers
                .Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            requests.Enqueue(new RecordedRequest(request.Method, request.RequestUri!, headers, body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
