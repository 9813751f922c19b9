using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SesAnalytics.Cli.Output;

/// <summary>Writes command results as indented JSON with camelCase names, readable in a terminal ('+', '&lt;', non-ASCII kept).</summary>
internal static class JsonOutput
{
    private static readonly CliJsonContext Context = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize<T>(T value) =>
        JsonSerializer.Serialize(
            value,
            (JsonTypeInfo<T>)(Context.GetTypeInfo(typeof(T))
                ?? throw new InvalidOperationException($"{typeof(T).Name} is not registered in {nameof(CliJsonContext)}.")));
}
