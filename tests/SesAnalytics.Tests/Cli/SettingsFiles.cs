using System.Text.Json.Nodes;

namespace SesAnalytics.Tests.Cli;

/// <summary>Writes <c>--settings</c> files from flat configuration keys (<c>SesAnalytics:Aws:Region</c>).</summary>
internal static class SettingsFiles
{
    /// <summary>An appsettings-style file: each key's sections become nested objects.</summary>
    public static string WriteAppSettings(string path, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var root = new JsonObject();
        foreach (var (key, value) in settings)
        {
            var sections = key.Split(':');
            var parent = root;
            foreach (var section in sections[..^1])
            {
                parent = parent[section] as JsonObject ?? (JsonObject)(parent[section] = new JsonObject());
            }

            parent[sections[^1]] = value;
        }

        File.WriteAllText(path, root.ToJsonString());
        return path;
    }

    /// <summary>A Functions local.settings.json: the settings under "Values", named as environment variables.</summary>
    public static string WriteLocalSettings(string path, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        var values = new JsonObject();
        foreach (var (key, value) in settings)
        {
            values[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        File.WriteAllText(path, new JsonObject { ["IsEncrypted"] = false, ["Values"] = values }.ToJsonString());
        return path;
    }
}
