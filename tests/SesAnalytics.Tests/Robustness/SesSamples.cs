using System.Text.Json.Nodes;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Robustness;

/// <summary>The shared samples (<c>../shared/ses-samples</c>) with what each is expected to store.</summary>
public static class SesSamples
{
    private static readonly Lazy<IReadOnlyList<SesSample>> Loaded = new(Load);

    public static IReadOnlyList<SesSample> All => Loaded.Value;

    /// <summary>The identity of an expected event, as <c>TrackingEvent.Key</c> writes it.</summary>
    public static string IdentityKey(JsonObject trackingEvent) => string.Join(
        '|',
        trackingEvent["messageId"]!.GetValue<string>(),
        trackingEvent["eventType"]!.GetValue<string>(),
        trackingEvent["recipient"]!.GetValue<string>(),
        trackingEvent["timestamp"]!.GetValue<string>());

    private static List<SesSample> Load()
    {
        var root = RepositoryPaths.Samples;
        var samples = Directory
            .EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var expected = JsonNode.Parse(File.ReadAllText(path[..^".json".Length] + ".expected.json"))!.AsObject();
                var events = expected["events"] is JsonArray array ? array.Select(e => e!.AsObject()).ToList() : [];
                return new SesSample(
                    Path.GetRelativePath(root, path),
                    File.ReadAllText(path),
                    expected["status"]!.GetValue<string>(),
                    events);
            })
            .ToList();
        return samples.Count > 0 ? samples : throw new InvalidOperationException($"No samples found in {root}.");
    }
}
