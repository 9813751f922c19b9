using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace SesAnalytics.Core.Tracking;

/// <summary>
/// Makes paging cursors opaque and tamper-evident: a cursor is its payload encrypted and authenticated with
/// AES-GCM, bound to the fingerprint of the query that issued it. An altered cursor, or one used with another query,
/// is refused with <see cref="InvalidNextTokenException"/>, and nothing in it (such as the last recipient of a page)
/// can be read from a URL or a proxy log.
/// </summary>
public sealed class CursorProtector
{
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private readonly byte[] _key;

    /// <param name="secret">Key material; the cursor key is derived from it and used for nothing else.</param>
    public CursorProtector(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < 16)
        {
            throw new ArgumentException("The cursor secret must be at least 16 bytes.", nameof(secret));
        }

        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, secret.ToArray(), 32, info: "sesanalytics-cursor"u8.ToArray());
    }

    /// <summary>Encodes <paramref name="payload"/> (any text) for the query named by <paramref name="queryFingerprint"/>.</summary>
    public string Protect(string queryFingerprint, string payload)
    {
        var plain = Encoding.UTF8.GetBytes(payload);
        var token = new byte[NonceLength + plain.Length + TagLength];
        var nonce = token.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagLength);
        aes.Encrypt(
            nonce,
            plain,
            token.AsSpan(NonceLength, plain.Length),
            token.AsSpan(NonceLength + plain.Length),
            Encoding.UTF8.GetBytes(queryFingerprint));
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The payload of a cursor issued by <see cref="Protect"/> for the same query.</summary>
    public string Unprotect(string queryFingerprint, string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException e)
        {
            throw new InvalidNextTokenException("nextToken is not a cursor issued by this API", e);
        }

        if (bytes.Length < NonceLength + TagLength)
        {
            throw new InvalidNextTokenException();
        }

        var cipher = bytes.AsSpan(NonceLength, bytes.Length - NonceLength - TagLength);
        var plain = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(_key, TagLength);
            aes.Decrypt(
                bytes.AsSpan(0, NonceLength),
                cipher,
                bytes.AsSpan(bytes.Length - TagLength),
                plain,
                Encoding.UTF8.GetBytes(queryFingerprint));
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new InvalidNextTokenException("nextToken is not a cursor issued for this query", e);
        }

        return Encoding.UTF8.GetString(plain);
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
}
