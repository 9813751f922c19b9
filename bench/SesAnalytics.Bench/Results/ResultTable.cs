namespace SesAnalytics.Bench.Results;

/// <summary>Prints result rows as one compact markdown table.</summary>
internal static class ResultTable
{
    public static void Write(TextWriter output, IReadOnlyList<ResultRow> rows)
    {
        output.WriteLine();
        output.WriteLine($"Finished at {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {MachineLoad.Describe()}.");
        output.WriteLine();
        output.WriteLine("| benchmark | measured | target | result |");
        output.WriteLine("|---|---|---|---|");
        foreach (var row in rows)
        {
            var verdict = row.Verdict switch
            {
                Verdict.Pass => "pass",
                Verdict.Miss => "**miss**",
                _ => "-",
            };
            output.WriteLine($"| {row.Benchmark} | {row.Measured} | {(row.Target.Length == 0 ? "-" : row.Target)} | {verdict} |");
        }

        output.WriteLine();
    }
}
