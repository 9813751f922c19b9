using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace SesAnalytics.Cli.Hosting;

/// <summary>
/// Reads a <c>--settings</c> file: appsettings-style JSON as the JSON configuration provider reads it, or a Functions
/// <c>local.settings.json</c> (a top-level <c>"Values"</c> object), whose values are app settings named as environment
/// variables (<c>SesAnalytics__Aws__Region</c>).
/// </summary>
internal static class SettingsFile
{
    /// <summary>The property that makes a file a Functions local settings file.</summary>
    public const string ValuesProperty = "Values";

    /// <summary>Larger files are refused unread: settings are a few kilobytes.</summary>
    public const long MaxBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        // As the JSON configuration provider reads files.
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Adds the file's settings (checked first, so a bad file is reported by name).</summary>
    /// <exception cref="CommandException">The file cannot be read or holds no JSON object.</exception>
    public static void AddTo(IConfigurationBuilder configuration, FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(file);
        var bytes = Read(file);
        using (var document = Parse(file, bytes))
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CommandException($"--settings: '{file}' must hold a JSON object.");
            }

            if (document.RootElement.TryGetProperty(ValuesProperty, out var values) && values.ValueKind == JsonValueKind.Object)
            {
                configuration.AddInMemoryCollection(FunctionsValues(file, values));
                return;
            }
        }

        configuration.AddJsonFile(file.FullName, optional: false, reloadOnChange: false);
    }

    private static byte[] Read(FileInfo file)
    {
        try
        {
            file.Refresh();
            return file.Length > MaxBytes
                ? throw new CommandException($"--settings: '{file}' is larger than {MaxBytes} bytes; it is not a settings file.")
                : File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"--settings: cannot read '{file}': {e.Message}", e);
        }
    }

    private static JsonDocument Parse(FileInfo file, byte[] bytes)
    {
        ReadOnlyMemory<byte> json = bytes;
        if (json.Span.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        try
        {
            return JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new CommandException($"--settings: '{file}' is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// The app settings of a local settings file, keyed as configuration keys (<c>__</c> becomes <c>:</c>). Empty values
    /// count as unset, as the sample file leaves the settings it does not use empty.
    /// </summary>
    private static List<KeyValuePair<string, string?>> FunctionsValues(FileInfo file, JsonElement values)
    {
        var settings = new List<KeyValuePair<string, string?>>();
        foreach (var property in values.EnumerateObject())
        {
            var value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                JsonValueKind.Null => null,
                _ => throw new CommandException(
                    $"--settings: '{file}': {ValuesProperty}:{property.Name} must be a string, a number, true or false."),
            };
            if (!string.IsNullOrEmpty(value))
            {
                settings.Add(KeyValuePair.Create(ConfigurationKey(property.Name), (string?)value));
            }
        }

        return settings;
    }

    /// <summary>An environment-variable style name as a configuration key, as the environment variables provider maps it.</summary>
    public static string ConfigurationKey(string name) => name.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
}
