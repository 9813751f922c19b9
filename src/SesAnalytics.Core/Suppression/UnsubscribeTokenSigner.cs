using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SesAnalytics.Core.Suppression;

/// <summary>
/// Signs and checks unsubscribe tokens: <c>payload.mac</c>, both base64url, where the MAC is HMAC-SHA256 under a
/// key derived from the configured signing key. A token that was altered, forged or has expired is refused.
/// </summary>
public sealed class UnsubscribeTokenSigner
{
    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public UnsubscribeTokenSigner(ReadOnlySpan<byte> secret, TimeProvider time)
    {
        if (secret.Length < 32)
        {
            throw new ArgumentException("The unsubscribe signing key must be at least 32 bytes.", nameof(secret));
        }

        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.ToArray(), 32, info: "sesanalytics-unsubscribe"u8.ToArray());
        _time = time;
    }

    public string Sign(UnsubscribeToken token)
    {
        ArgumentNullException.ThrowIfNull(token);
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Payload(
            token.Pipeline,
            token.Email,
            token.CampaignId,
            token.ExpiresAt.ToUnixTimeSeconds()));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    /// <summary>The token's content, or null with <paramref name="problem"/> saying why it is refused.</summary>
    public UnsubscribeToken? Verify(string? text, out string? problem)
    {
        problem = null;
        var dot = text?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (text is null || dot <= 0)
        {
            problem = "token is missing or not in the form payload.signature";
            return null;
        }

        byte[] payload;
        byte[] mac;
        try
        {
            payload = Base64Url.DecodeFromChars(text.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(text.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            problem = "token is not base64url";
            return null;
        }

        if (!CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
        {
            problem = "token signature does not match";
            return null;
        }

        Payload? content;
        try
        {
            content = JsonSerializer.Deserialize<Payload>(payload);
        }
        catch (JsonException)
        {
            problem = "token payload is not readable";
            return null;
        }

        if (content is null || string.IsNullOrEmpty(content.P) || string.IsNullOrEmpty(content.E))
        {
            problem = "token payload is incomplete";
            return null;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(content.X);
        if (expiresAt <= _time.GetUtcNow())
        {
            problem = "token has expired";
            return null;
        }

        return new UnsubscribeToken(content.P, content.E, content.C, expiresAt);
    }

    private sealed record Payload(string P, string E, string? C, long X);
}
