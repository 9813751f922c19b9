using Amazon.Runtime;

namespace SesAnalytics.Bench.Http;

/// <summary>
/// The AWS SDK clients' HTTP clients, each with an <see cref="AwsCallHandler"/> in front of the socket handler, so
/// calls are counted (retries included) and optionally delayed exactly where they leave the process.
/// </summary>
internal sealed class CountingHttpClientFactory(AwsCallCounter counter, TimeSpan delay, string service) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var sockets = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = 256,
        };
        return new HttpClient(new AwsCallHandler(counter, delay, service) { InnerHandler = sockets }, disposeHandler: true)
        {
            Timeout = TimeSpan.FromMinutes(2),
        };
    }

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string? GetConfigUniqueString(IClientConfig clientConfig) => null;
}
