using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace SesAnalytics.Tests.Aws;

/// <summary>
/// Stands in for SES: answers each request with the next scripted response (the last one repeats) and keeps
/// the request bodies. Responses use SES's error shape: the <c>x-amzn-ErrorType</c> header and a JSON message.
/// </summary>
public sealed class ScriptedSesHandler(params Func<HttpResponseMessage>[] script) : HttpMessageHandler
{
    private readonly ConcurrentQueue<string> _bodies = new();
    private int _calls;

    public IReadOnlyList<string> Bodies => [.. _bodies];

    public static Func<HttpResponseMessage> Sent(string messageId) =>
        () => Json(HttpStatusCode.OK, $$"""{"MessageId":"{{messageId}}"}""");

    public static Func<HttpResponseMessage> BulkResults(string resultsJson) =>
        () => Json(HttpStatusCode.OK, $$"""{"BulkEmailEntryResults":{{resultsJson}}}""");

    public static Func<HttpResponseMessage> Error(HttpStatusCode status, string errorType, string message) => () =>
    {
        var response = Json(status, $$"""{"message":"{{message}}"}""");
        response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", $"{errorType}:http://internal.amazon.com/coral/com.amazonaws.sesv2/");
        return response;
    };

    public static Func<HttpResponseMessage> Throws(Exception exception) => () => throw exception;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        _bodies.Enqueue(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        var call = Interlocked.Increment(ref _calls) - 1;
        return script[Math.Min(call, script.Length - 1)]();
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
