namespace SesAnalytics.Bench.Results;

/// <summary>One line of the result table.</summary>
/// <param name="Benchmark">What was measured, e.g. <c>AWS drain, 20 ms delay: throughput / ceiling</c>.</param>
/// <param name="Measured">The figure, with the numbers it comes from.</param>
/// <param name="Target">The target, e.g. <c>≥ 0.8</c>; empty for context figures.</param>
/// <param name="Verdict">Pass, miss, or context.</param>
internal sealed record ResultRow(string Benchmark, string Measured, string Target, Verdict Verdict)
{
    public static ResultRow Check(string benchmark, string measured, string target, bool pass) =>
        new(benchmark, measured, target, pass ? Verdict.Pass : Verdict.Miss);

    public static ResultRow Info(string benchmark, string measured) => new(benchmark, measured, string.Empty, Verdict.Info);
}
