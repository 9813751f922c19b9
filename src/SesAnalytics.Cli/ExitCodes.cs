namespace SesAnalytics.Cli;

/// <summary>What the commands' exit codes mean.</summary>
internal static class ExitCodes
{
    /// <summary>Everything the command was given was handled.</summary>
    public const int Success = 0;

    /// <summary>Some input was invalid (or, from the parser, the command line itself was wrong).</summary>
    public const int Failure = 1;
}
