using System.Security.Cryptography;
using System.Text;

namespace SesAnalytics.Core.Tracking;

/// <summary>
/// Makes paging cursors opaque and tamper-evident: a cursor is its payload followed by an HMAC over the payload
/// and the fingerprint of the query that issued it, so an altered cursor, or one used with another query, is
/// refused with <see cref="InvalidNextTokenException"/>.
/// </summary>
public sealed class CursorProtector
{
    private const int MacLength = 32;
    private readonly byte[] _key;

    /// <param name="secret">Key material; the cursor key is derived from it and used for nothing else.</param>
    public CursorProtector(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < 16)
        {
            throw new ArgumentException("The cursor secret must be at least 16 bytes.", nameof(secret));
        }

        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.ToArray(), MacLength, info: "sesanalytics-cursor"u8.ToArray());
    }

    /// <summary>Encodes <paramref name="payload"/> (any text) for the query named by <paramref name="queryFingerprint"/>.</summary>
    public string Protect(string queryFingerprint, string payload)
    {
        var data = Encoding.UTF8.GetBytes(payload);
        var token = new byte[data.Length + MacLength];
        data.CopyTo(token, 0);
        Mac(queryFingerprint, data).CopyTo(token, data.Length);
        return Base64UrlEncode(token);
    }

    /// <summary>The payload of a cursor issued by <see cref="Protect"/> for the same query.</summary>
    public string Unprotect(string queryFingerprint, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        byte[] bytes;
        try
        {
            bytes = Base64UrlDecode(token);
        }
        catch (FormatException e)
        {
            throw new InvalidNextTokenException("nextToken is not a cursor issued by this API", e);
        }

        if (bytes.Length < MacLength)
        {
            throw new InvalidNextTokenException();
        }

        var data = bytes.AsSpan(0, bytes.Length - MacLength);
        var mac = bytes.AsSpan(bytes.Length - MacLength);
        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(queryFingerprint, data)))
        {
            throw new InvalidNextTokenException();
        }

        return Encoding.UTF8.GetString(data);
    }

    /// <summary>A stable text naming every parameter of a tracking query except its cursor and limit.</summary>
    public static string Fingerprint(string pipeline, TrackingQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return string.Join(
            '\n',
            pipeline,
            query.Window.From.UtcTicks,
            query.Window.To.UtcTicks,
            query.Email ?? string.Empty,
            query.CampaignId ?? string.Empty,
            query.EventType?.ToString() ?? string.Empty);
    }

    private byte[] Mac(string queryFingerprint, ReadOnlySpan<byte> data)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes(queryFingerprint));
        hmac.AppendData([0]);
        hmac.AppendData(data);
        return hmac.GetHashAndReset();
    }

    private static string Base64UrlEncode(byte[] bytes) => System.Buffers.Text.Base64Url.EncodeToString(bytes);

    private static byte[] Base64UrlDecode(string text) => System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
