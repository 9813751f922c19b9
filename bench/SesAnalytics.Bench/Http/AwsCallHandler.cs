using System.Diagnostics;

namespace SesAnalytics.Bench.Http;

/// <summary>
/// Counts every request that leaves for an AWS endpoint and, when <paramref name="delay"/> is positive, waits that
/// long before sending it: the extra round trip of a call from Azure to an AWS region.
/// </summary>
internal sealed class AwsCallHandler(AwsCallCounter counter, TimeSpan delay, string service) : DelegatingHandler
{
    private const string TargetHeader = "X-Amz-Target";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var operation = Operation(request);
        counter.Count(operation);
        var started = Stopwatch.GetTimestamp();
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            counter.AddCallTime(operation, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>The JSON protocols name the operation in a header; SES v2 (REST) by method and path.</summary>
    private string Operation(HttpRequestMessage request) =>
        request.Headers.TryGetValues(TargetHeader, out var targets)
            ? targets.First()
            : $"{service} {request.Method} {request.RequestUri?.AbsolutePath}";
}
