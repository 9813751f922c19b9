using System.Text.Json.Nodes;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Cli;

/// <summary>The shared SES and SNS samples with what their <c>.expected.json</c> files say a correct reader makes of them.</summary>
internal sealed record Samples(IReadOnlyList<string> Files, int Ok, int Ignored, int Invalid, IReadOnlyList<JsonObject> Events)
{
    public static Samples Load()
    {
        var files = Directory
            .EnumerateFiles(RepositoryPaths.Samples, "*.json", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = files
            .Select(path => JsonNode.Parse(File.ReadAllText(path[..^".json".Length] + ".expected.json"))!.AsObject())
            .ToList();
        var statuses = expected.Select(e => e["status"]!.GetValue<string>()).ToList();

        // Two samples may carry the same event (one wraps the other); the store keeps each event once.
        var events = expected
            .SelectMany(e => e["events"]?.AsArray() ?? [])
            .Select(e => e!.AsObject())
            .DistinctBy(Key, StringComparer.Ordinal)
            .ToList();
        return new Samples(
            files,
            statuses.Count(s => s == "ok"),
            statuses.Count(s => s == "ignored"),
            statuses.Count(s => s == "invalid"),
            events);
    }

    /// <summary>The identity of an event as the store sees it (the contract's messageId, eventType, recipient, timestamp).</summary>
    private static string Key(JsonObject trackingEvent) => string.Join(
        '|',
        new[] { "messageId", "eventType", "recipient", "timestamp" }.Select(field => trackingEvent[field]?.GetValue<string>()));
}
