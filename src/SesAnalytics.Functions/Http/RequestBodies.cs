using System.Text;
using Microsoft.AspNetCore.Http;

namespace SesAnalytics.Functions.Http;

/// <summary>Reads request bodies with a size limit, so an oversized body is a caller's mistake, not a crash.</summary>
internal static class RequestBodies
{
    public const int MaxBytes = 256 * 1024;

    /// <summary>The request's content type when it names something other than JSON; null for JSON or none given.</summary>
    public static string? NonJsonContentType(HttpRequest request) =>
        request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase) ? type : null;

    /// <summary>The body as text, or null when it is larger than <see cref="MaxBytes"/>.</summary>
    public static async Task<string?> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
