using Amazon.Runtime;

namespace SesAnalytics.Tests.Aws.DynamoDb;

/// <summary>Gives the AWS SDK an HttpClient that records every DynamoDB request's operation (its X-Amz-Target).</summary>
internal sealed class CountingHttpClientFactory(DynamoDbCallCounter counter) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig) =>
        new(new CountingHandler(counter) { InnerHandler = new SocketsHttpHandler() });

    private sealed class CountingHandler(DynamoDbCallCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Headers.TryGetValues("X-Amz-Target", out var targets))
            {
                var target = targets.First();
                counter.Record(target[(target.LastIndexOf('.') + 1)..]);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
