using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SesAnalytics.Aws.Ses.Api;

namespace SesAnalytics.Aws.Ses;

/// <summary>
/// The SES v2 REST operations this app uses, over an <see cref="HttpClient"/> whose handler chain signs each
/// request (see <see cref="Signing.SigV4SigningHandler"/>). Errors SES answers are returned, not thrown;
/// transport failures are thrown.
/// </summary>
internal sealed class SesV2Api(HttpClient http)
{
    /// <summary>Name of the <see cref="IHttpClientFactory"/> client configured for SES.</summary>
    public const string HttpClientName = "SesAnalytics.SesV2";

    private const string TemplatesPath = "v2/email/templates";
    private const int MaxErrorMessageLength = 500;

    public Task<SesResult<SendEmailResponse>> SendEmailAsync(SendEmailRequest request, CancellationToken cancellationToken) =>
        CallAsync(
            HttpMethod.Post,
            "v2/email/outbound-emails",
            Json(request, SesJsonContext.Default.SendEmailRequest),
            SesJsonContext.Default.SendEmailResponse,
            cancellationToken);

    public Task<SesResult<SendBulkEmailResponse>> SendBulkEmailAsync(
        SendBulkEmailRequest request,
        CancellationToken cancellationToken) =>
        CallAsync(
            HttpMethod.Post,
            "v2/email/outbound-bulk-emails",
            Json(request, SesJsonContext.Default.SendBulkEmailRequest),
            SesJsonContext.Default.SendBulkEmailResponse,
            cancellationToken);

    public Task<SesApiError?> CreateEmailTemplateAsync(
        CreateEmailTemplateRequest request,
        CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Post, TemplatesPath, Json(request, SesJsonContext.Default.CreateEmailTemplateRequest), cancellationToken);

    public Task<SesApiError?> UpdateEmailTemplateAsync(
        string templateName,
        UpdateEmailTemplateRequest request,
        CancellationToken cancellationToken) =>
        CallAsync(
            HttpMethod.Put,
            TemplatePath(templateName),
            Json(request, SesJsonContext.Default.UpdateEmailTemplateRequest),
            cancellationToken);

    public Task<SesResult<GetEmailTemplateResponse>> GetEmailTemplateAsync(
        string templateName,
        CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Get, TemplatePath(templateName), null, SesJsonContext.Default.GetEmailTemplateResponse, cancellationToken);

    public Task<SesResult<ListEmailTemplatesResponse>> ListEmailTemplatesAsync(
        string? nextToken,
        int pageSize,
        CancellationToken cancellationToken)
    {
        var query = $"?PageSize={pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
        if (nextToken is not null)
        {
            query += "&NextToken=" + Uri.EscapeDataString(nextToken);
        }

        return CallAsync(HttpMethod.Get, TemplatesPath + query, null, SesJsonContext.Default.ListEmailTemplatesResponse, cancellationToken);
    }

    public Task<SesApiError?> DeleteEmailTemplateAsync(string templateName, CancellationToken cancellationToken) =>
        CallAsync(HttpMethod.Delete, TemplatePath(templateName), null, cancellationToken);

    private static string TemplatePath(string templateName) => $"{TemplatesPath}/{Uri.EscapeDataString(templateName)}";

    private static ByteArrayContent Json<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<SesResult<T>> CallAsync<T>(
        HttpMethod method,
        string path,
        HttpContent? content,
        JsonTypeInfo<T> responseType,
        CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return SesResult<T>.Failure(await ReadErrorAsync(response, cancellationToken));
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            var value = body.Length == 0 ? null : JsonSerializer.Deserialize(body, responseType);
            return value is null
                ? SesResult<T>.Failure(new SesApiError(response.StatusCode, "EmptyResponse", "SES answered without a body."))
                : SesResult<T>.Success(value);
        }
        catch (JsonException e)
        {
            return SesResult<T>.Failure(
                new SesApiError(response.StatusCode, "UnreadableResponse", $"SES answered with JSON this client cannot read: {e.Message}"));
        }
    }

    private async Task<SesApiError?> CallAsync(
        HttpMethod method,
        string path,
        HttpContent? content,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request, cancellationToken);
        return response.IsSuccessStatusCode ? null : await ReadErrorAsync(response, cancellationToken);
    }

    private static async Task<SesApiError> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        SesErrorBody? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonSerializer.Deserialize(text, SesJsonContext.Default.SesErrorBody);
        }
        catch (JsonException)
        {
            // Not JSON (a proxy's page, an emulator's XML): the text itself becomes the message below.
        }

        var code = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.FirstOrDefault() : null;
        code = ErrorCode(code) ?? ErrorCode(body?.TypeName) ?? ErrorCode(body?.Code) ?? ErrorCode(body?.Type)
            ?? $"Http{(int)response.StatusCode}";
        var message = body?.Message;
        if (string.IsNullOrWhiteSpace(message))
        {
            message = string.IsNullOrWhiteSpace(text) ? response.ReasonPhrase ?? response.StatusCode.ToString() : text.Trim();
        }

        if (message.Length > MaxErrorMessageLength)
        {
            message = message[..MaxErrorMessageLength] + "…";
        }

        return new SesApiError(response.StatusCode, code, message);
    }

    /// <summary>
    /// The bare error name: SES may qualify it (<c>NotFoundException:http://internal.amazon.com/…</c> in the
    /// header, <c>com.amazon.coral.service#NotFoundException</c> in a body).
    /// </summary>
    private static string? ErrorCode(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
        {
            return null;
        }

        var code = raw;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        code = code.Trim();
        return code.Length == 0 ? null : code;
    }
}
