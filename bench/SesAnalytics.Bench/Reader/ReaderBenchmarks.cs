using BenchmarkDotNet.Attributes;
using SesAnalytics.Bench.Samples;
using SesAnalytics.Core.Events;

namespace SesAnalytics.Bench.Reader;

/// <summary>
/// <see cref="SesMessageReader.Read"/> on one thread: each operation reads one queue body, taken in turn from the
/// readable samples of one shape (or of all of them, <c>mixed</c>), with fresh message ids and recent times.
/// </summary>
[MemoryDiagnoser]
public class ReaderBenchmarks
{
    public const string Mixed = "mixed";

    /// <summary>Bodies read in turn: a power of two, so the next index is a mask.</summary>
    private const int Bodies = 1024;

    private string[] _bodies = [];
    private int _next;

    [ParamsSource(nameof(Shapes))]
    public string Shape { get; set; } = Mixed;

    public static IEnumerable<string> Shapes => [Mixed, "sns-envelope", "event-publishing", "identity-notifications"];

    [GlobalSetup]
    public void Setup()
    {
        var corpus = SampleCorpus.Load().Subset(t => Shape == Mixed || t.Shape == Shape);
        var generated = corpus.Generate(Bodies, SampleMix.Uniform, DateTimeOffset.UtcNow, TimeSpan.FromDays(20));
        _bodies = [.. generated.Bodies];
        _next = 0;
    }

    [Benchmark]
    public ReadResult Read()
    {
        var body = _bodies[_next];
        _next = (_next + 1) & (_bodies.Length - 1);
        return SesMessageReader.Read(body);
    }
}
