using System.Diagnostics;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Security;

/// <summary>No committed settings file holds a real-looking secret; local settings are never committed.</summary>
public sealed class CommittedSettingsTests
{
    [Fact]
    public async Task CommittedJsonFiles_Scanned_HoldNoSecret()
    {
        var files = await GitFilesAsync("*.json");

        var findings = files.SelectMany(f => SettingsSecretScanner.Find(File.ReadAllText(Path.Combine(RepositoryPaths.Root, f)))
            .Select(finding => $"{f} {finding}")).ToList();

        Assert.Contains("local.settings.sample.json", files);
        Assert.Empty(findings);
    }

    [Fact]
    public async Task LocalSettings_Repository_AreNotCommitted()
    {
        var files = await GitFilesAsync("*local.settings.json");

        Assert.Empty(files);
    }

    [Fact]
    public void Find_SettingsWithRealLookingSecrets_ReportsEach()
    {
        const string json = """
            {
              "Values": {
                "AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE",
                "Credentials": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "SesAnalytics__UnsubscribeSigningKey": "c2VjcmV0",
                "AzureWebJobsStorage": "DefaultEndpointsProtocol=https;AccountName=a;AccountKey=abc123==;",
                "SesAnalytics__Aws__Region": "eu-west-1",
                "Empty__SigningKey": ""
              }
            }
            """;

        var findings = SettingsSecretScanner.Find(json);

        Assert.Equal(4, findings.Count);
        Assert.Contains(findings, f => f.Contains("AWS_ACCESS_KEY_ID: an AWS access key id", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("Credentials: a 40-character secret key", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("UnsubscribeSigningKey: a setting named like a secret", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Contains("AzureWebJobsStorage: a storage account key", StringComparison.Ordinal));
    }

    /// <summary>Files git tracks in this repository that match <paramref name="pattern"/>, relative to its root.</summary>
    private static async Task<IReadOnlyList<string>> GitFilesAsync(string pattern)
    {
        var start = new ProcessStartInfo("git", ["ls-files", "-z", "--", pattern, $"**/{pattern}"])
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start) ?? throw new InvalidOperationException("git could not be started; the scan needs it.");
        var output = await git.StandardOutput.ReadToEndAsync();
        var error = await git.StandardError.ReadToEndAsync();
        await git.WaitForExitAsync();
        if (git.ExitCode != 0)
        {
            throw new InvalidOperationException($"git ls-files failed in {RepositoryPaths.Root} ({git.ExitCode}): {error}");
        }

        return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
    }
}
