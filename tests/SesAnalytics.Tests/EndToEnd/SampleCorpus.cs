using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>Every shared SES and SNS sample, in file name order, with the records a replay of all of them keeps.</summary>
internal static class SampleCorpus
{
    private static readonly Lazy<IReadOnlyList<SampleFile>> All = new(LoadAll);

    public static IReadOnlyList<SampleFile> Files => All.Value;

    public static IReadOnlyList<string> Bodies => Files.Select(f => f.Body).ToList();

    public static SampleFile Named(string name) =>
        Files.SingleOrDefault(f => f.Name == name) ?? throw new FileNotFoundException($"No sample {name}.", name);

    /// <summary>
    /// The records stored after replaying <paramref name="files"/> in order: the events of every <c>ok</c> sample,
    /// where an event with the key of one stored before changes nothing (the contract's storage rule).
    /// </summary>
    public static IReadOnlyList<ExpectedRecord> RecordsAfterReplay(IEnumerable<SampleFile> files) =>
        files.Where(f => f.Status == "ok")
            .SelectMany(f => f.Events)
            .DistinctBy(e => e.Key, StringComparer.Ordinal)
            .ToList();

    private static List<SampleFile> LoadAll()
    {
        var root = RepositoryPaths.Samples;
        var files = Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories)
            .Where(path => !path.EndsWith(".expected.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => SampleFile.Load(root, path))
            .ToList();
        return files.Count > 0 ? files : throw new InvalidOperationException($"No samples found in {root}.");
    }
}
