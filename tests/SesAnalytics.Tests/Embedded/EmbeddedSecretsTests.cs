using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Embedded;

namespace SesAnalytics.Tests.Embedded;

public sealed class EmbeddedSecretsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void SigningKey_NoneConfigured_CreatesAKeyFileThatLaterInstancesReuse()
    {
        var first = Secrets(configuredKey: "").SigningKey.ToArray();

        var second = Secrets(configuredKey: "").SigningKey.ToArray();

        var file = Path.Combine(_folder.Path, "data", EmbeddedSecrets.KeyFileName);
        Assert.Equal(EmbeddedSecrets.KeyLength, first.Length);
        Assert.Equal(first, second);
        Assert.Equal(first, File.ReadAllBytes(file));
        Assert.False(first.All(b => b == 0));
    }

    [Fact]
    public void SigningKey_Configured_UsesItAndWritesNoFile()
    {
        var configured = Enumerable.Range(0, 40).Select(i => (byte)i).ToArray();

        var key = Secrets(Convert.ToBase64String(configured)).SigningKey.ToArray();

        Assert.Equal(configured, key);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "data", EmbeddedSecrets.KeyFileName)));
    }

    [Theory]
    [InlineData("not base64!", "not Base64")]
    [InlineData("AAECAw==", "at least 32")]
    public void SigningKey_BadConfiguredKey_ThrowsNamingTheSetting(string configured, string expected)
    {
        var secrets = Secrets(configured);

        var error = Assert.Throws<InvalidOperationException>(() => secrets.SigningKey);

        Assert.Contains("SesAnalytics:UnsubscribeSigningKey", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SigningKey_KeyFileOfWrongLength_ThrowsNamingTheFile()
    {
        var folder = Path.Combine(_folder.Path, "data");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, EmbeddedSecrets.KeyFileName), [1, 2, 3]);

        var error = Assert.Throws<InvalidOperationException>(() => Secrets("").SigningKey);

        Assert.Contains(EmbeddedSecrets.KeyFileName, error.Message, StringComparison.Ordinal);
    }

    private EmbeddedSecrets Secrets(string configuredKey) => new(
        Options.Create(new EmbeddedOptions { DataPath = Path.Combine(_folder.Path, "data") }),
        Options.Create(new SesAnalyticsOptions { UnsubscribeSigningKey = configuredKey }),
        NullLogger<EmbeddedSecrets>.Instance);
}
