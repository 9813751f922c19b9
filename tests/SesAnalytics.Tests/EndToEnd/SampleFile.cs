using System.Text.Json;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>A shared sample: the queue message body and what a correct reader makes of it.</summary>
internal sealed record SampleFile(string Name, string Body, string Status, IReadOnlyList<ExpectedRecord> Events)
{
    public static SampleFile Load(string root, string path)
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(path[..^".json".Length] + ".expected.json"));
        var events = expected.RootElement.GetProperty("events").EnumerateArray().Select(ExpectedRecord.FromExpectedEvent).ToList();
        return new SampleFile(
            Path.GetRelativePath(root, path),
            File.ReadAllText(path),
            expected.RootElement.GetProperty("status").GetString()!,
            events);
    }
}
