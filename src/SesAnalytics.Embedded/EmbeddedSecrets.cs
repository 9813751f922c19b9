using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Pipelines;

namespace SesAnalytics.Embedded;

/// <summary>
/// The signing key of the embedded setup. <see cref="SesAnalyticsOptions.UnsubscribeSigningKey"/> when it is set;
/// otherwise a random key created once in the data folder (<see cref="KeyFileName"/>) and kept there, so links and
/// cursors stay valid across restarts and between the app and the command line. The composition root builds the
/// cursor protector and the unsubscribe signer from <see cref="SigningKey"/>.
/// </summary>
public sealed class EmbeddedSecrets
{
    public const string KeyFileName = "signing.key";
    public const int KeyLength = 32;

    private readonly Lazy<byte[]> _key;

    public EmbeddedSecrets(
        IOptions<EmbeddedOptions> embeddedOptions,
        IOptions<SesAnalyticsOptions> analyticsOptions,
        ILogger<EmbeddedSecrets> logger)
    {
        ArgumentNullException.ThrowIfNull(embeddedOptions);
        ArgumentNullException.ThrowIfNull(analyticsOptions);
        ArgumentNullException.ThrowIfNull(logger);
        _key = new Lazy<byte[]>(
            () => Load(embeddedOptions.Value, analyticsOptions.Value, logger),
            LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The key bytes (at least <see cref="KeyLength"/>).</summary>
    public ReadOnlyMemory<byte> SigningKey => _key.Value;

    /// <summary>The key in Base64, the form <see cref="SesAnalyticsOptions.UnsubscribeSigningKey"/> takes.</summary>
    public string SigningKeyBase64 => Convert.ToBase64String(_key.Value);

    private static byte[] Load(EmbeddedOptions embedded, SesAnalyticsOptions analytics, ILogger logger)
    {
        if (!string.IsNullOrWhiteSpace(analytics.UnsubscribeSigningKey))
        {
            return FromConfiguration(analytics.UnsubscribeSigningKey);
        }

        var folder = Path.GetFullPath(embedded.DataPath);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, KeyFileName);
        if (!File.Exists(path))
        {
            CreateKeyFile(path, logger);
        }

        var key = File.ReadAllBytes(path);
        if (key.Length != KeyLength)
        {
            throw new InvalidOperationException(
                $"The signing key file {path} holds {key.Length} bytes instead of {KeyLength}: delete it to have a new key made.");
        }

        return key;
    }

    private static byte[] FromConfiguration(string base64)
    {
        byte[] key;
        try
        {
            key = Convert.FromBase64String(base64.Trim());
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{SesAnalyticsOptions.SectionName}:UnsubscribeSigningKey is not Base64.", e);
        }

        return key.Length >= KeyLength
            ? key
            : throw new InvalidOperationException(
                $"{SesAnalyticsOptions.SectionName}:UnsubscribeSigningKey is {key.Length} bytes; it must be at least {KeyLength}.");
    }

    /// <summary>
    /// Writes a new key to a temporary file and moves it into place, so a process starting at the same moment either
    /// finds no file or a whole one; when two race, the first key to arrive wins and both use it.
    /// </summary>
    private static void CreateKeyFile(string path, ILogger logger)
    {
        var temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(temporary, fileOptions))
            {
                stream.Write(System.Security.Cryptography.RandomNumberGenerator.GetBytes(KeyLength));
                stream.Flush(flushToDisk: true);
            }

            try
            {
                File.Move(temporary, path, overwrite: false);
                Log.SigningKeyCreated(logger, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created the key first; it is the one to use.
            }
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
