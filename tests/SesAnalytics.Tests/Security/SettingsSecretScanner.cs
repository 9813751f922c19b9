using System.Text.Json;
using System.Text.RegularExpressions;

namespace SesAnalytics.Tests.Security;

/// <summary>
/// Finds values in a JSON settings file that look like real secrets: AWS access key ids, 40-character secret keys,
/// account keys in connection strings, and any non-empty value of a setting named like a key, secret or password.
/// </summary>
public static partial class SettingsSecretScanner
{
    public static IReadOnlyList<string> Find(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var findings = new List<string>();
        Walk(document.RootElement, "$", findings);
        return findings;
    }

    [GeneratedRegex("(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex AccessKeyId();

    /// <summary>A run of exactly 40 base64 characters mixing upper case, lower case and digits, as AWS secret keys are.</summary>
    [GeneratedRegex(
        "(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[0-9])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])",
        RegexOptions.CultureInvariant)]
    private static partial Regex SecretAccessKey();

    [GeneratedRegex("AccountKey=[^;\"]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex AccountKey();

    [GeneratedRegex("(secret|password|passwd|signingkey|accesskey|accountkey|functionkey|apikey|privatekey|connectionstring)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    private static void Walk(JsonElement element, string path, List<string> findings)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    var propertyPath = $"{path}.{property.Name}";
                    Check(property.Name, propertyPath + " (name)", findings);
                    if (property.Value.ValueKind == JsonValueKind.String && SecretName().IsMatch(property.Name)
                        && !string.IsNullOrWhiteSpace(property.Value.GetString()))
                    {
                        findings.Add($"{propertyPath}: a setting named like a secret has a value");
                    }

                    Walk(property.Value, propertyPath, findings);
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", findings);
                }

                break;
            case JsonValueKind.String:
                Check(element.GetString()!, path, findings);
                break;
        }
    }

    private static void Check(string text, string path, List<string> findings)
    {
        if (AccessKeyId().IsMatch(text))
        {
            findings.Add($"{path}: an AWS access key id");
        }

        if (SecretAccessKey().IsMatch(text))
        {
            findings.Add($"{path}: a 40-character secret key");
        }

        if (AccountKey().IsMatch(text))
        {
            findings.Add($"{path}: a storage account key");
        }
    }
}
