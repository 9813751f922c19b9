using System.Text.Json.Serialization;

namespace SesAnalytics.Aws.Ses.Api;

/// <summary>
/// An SES error body. SES names the error in the <c>x-amzn-ErrorType</c> header and sometimes in the body
/// (<c>__type</c> or <c>code</c>); emulators may use <c>type</c>.
/// </summary>
internal sealed record SesErrorBody
{
    [JsonPropertyName("__type")]
    public string? TypeName { get; init; }

    public string? Code { get; init; }

    public string? Type { get; init; }

    public string? Message { get; init; }
}
