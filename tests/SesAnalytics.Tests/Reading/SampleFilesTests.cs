using System.Text.Json.Nodes;
using SesAnalytics.Core.Events;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Reading;

/// <summary>Every shared SES and SNS sample reads to the status and exact events of its <c>.expected.json</c>.</summary>
public sealed class SampleFilesTests
{
    public static TheoryData<string> Samples()
    {
        var root = RepositoryPaths.Samples;
        var samples = Directory
            .EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".expected.json", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(root, path))
            .Order(StringComparer.Ordinal)
            .ToList();
        return samples.Count > 0
            ? new TheoryData<string>(samples)
            : throw new InvalidOperationException($"No samples found in {root}.");
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_SampleFile_MatchesExpected(string sample)
    {
        var path = Path.Combine(RepositoryPaths.Samples, sample);
        var expected = JsonNode.Parse(File.ReadAllText(path[..^".json".Length] + ".expected.json"))!.AsObject();

        var result = SesMessageReader.Read(File.ReadAllText(path));

        Assert.Equal(expected["status"]!.GetValue<string>(), result.Status.ToString().ToLowerInvariant());
        if (result.Status == ReadStatus.Ok)
        {
            var expectedEvents = expected["events"]!.AsArray().Select(e => e!.AsObject());
            Assert.Equal(EventComparison.Keys(expectedEvents), EventComparison.Keys(result.Events));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
            Assert.Empty(result.Events);
        }
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_EveryPrefixOfSample_NeverThrows(string sample)
    {
        var body = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, sample));
        var step = Math.Max(1, body.Length / 200);

        var results = Enumerable.Range(0, body.Length / step)
            .Select(i => SesMessageReader.Read(body[..(i * step)]))
            .ToList();

        Assert.NotEmpty(results);
        Assert.All(results, AssertConsistent);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Read_ValueOfWrongKindAnywhereInSample_NeverThrowsAndStaysConsistent(string sample)
    {
        var body = File.ReadAllText(Path.Combine(RepositoryPaths.Samples, sample));

        var results = JsonMutations.Everywhere(body).Select(SesMessageReader.Read).ToList();

        Assert.NotEmpty(results);
        Assert.All(results, AssertConsistent);
    }

    private static void AssertConsistent(ReadResult result)
    {
        if (result.Status != ReadStatus.Ok)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Reason));
            Assert.Empty(result.Events);
            return;
        }

        Assert.NotEmpty(result.Events);
        Assert.All(result.Events, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.MessageId));
            Assert.Contains('@', e.Recipient);
            Assert.Equal(e.Recipient.ToLowerInvariant(), e.Recipient);
            Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
            Assert.Equal(0, e.Timestamp.Ticks % TimeSpan.TicksPerMillisecond);
        });
    }
}
