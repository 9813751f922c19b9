namespace SesAnalytics.Cli;

/// <summary>The <c>sesanalytics</c> command line.</summary>
internal static class CommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Task.FromResult(2);
    }
}
