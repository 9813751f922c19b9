using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace SesAnalytics.Aws.Signing;

/// <summary>
/// Signs each outgoing request with AWS Signature Version 4 through the AWS SDK's public signer
/// (<see cref="AWSSigV4Signer"/>) and copies the headers it returns onto the request.
/// </summary>
internal sealed class SigV4SigningHandler(AWSCredentials credentials, RegionEndpoint region, string service)
    : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri
                ?? throw new InvalidOperationException("A request to sign has no URI."),
        };
        if (request.Content is { } content)
        {
            // The body is hashed into the signature; buffered content can be read again when it is sent.
            signing.Content = await content.ReadAsByteArrayAsync(cancellationToken);
            if (content.Headers.ContentType is { } contentType)
            {
                signing.Headers["Content-Type"] = contentType.ToString();
            }
        }

        var parameters = new AWSSigV4Parameters { Credentials = credentials, Region = region, Service = service };
        var signed = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken);
        foreach (var (name, value) in signed.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
