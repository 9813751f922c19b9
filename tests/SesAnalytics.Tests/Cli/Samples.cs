using System.Text.Json.Nodes;
using SesAnalytics.Core.Events;
using SesAnalytics.Tests.Emulators;
using SesAnalytics.Tests.Reading;

namespace SesAnalytics.Tests.Cli;

/// <summary>The shared SES and SNS samples with what their <c>.expected.json</c> files say a correct reader makes of them.</summary>
/// <param name="Events">
/// Each expected event's identity (<see cref="TrackingEvent.Key"/>) with the forms it takes in the samples. Two samples
/// can carry events with one identity and different details; the store keeps whichever arrives first.
/// </param>
internal sealed record Samples(
    IReadOnlyList<string> Files,
    int Ok,
    int Ignored,
    int Invalid,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Events)
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
        var events = expected
            .SelectMany(e => e["events"]?.AsArray() ?? [])
            .Select(e => e!.AsObject())
            .GroupBy(Identity, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => EventComparison.Keys(g), StringComparer.Ordinal);
        return new Samples(
            files,
            statuses.Count(s => s == "ok"),
            statuses.Count(s => s == "ignored"),
            statuses.Count(s => s == "invalid"),
            events);
    }

    /// <summary>Checks that the store holds each expected event once, in one of the forms the samples give it.</summary>
    public void AssertStored(IReadOnlyList<TrackingEvent> stored)
    {
        Assert.Equal(Events.Keys.Order(StringComparer.Ordinal), stored.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(stored, e => Assert.Contains(EventComparison.Keys([e])[0], Events[e.Key]));
    }

    private static string Identity(JsonObject trackingEvent) => string.Join(
        '|',
        new[] { "messageId", "eventType", "recipient", "timestamp" }.Select(field => trackingEvent[field]?.GetValue<string>()));
}
