namespace SesAnalytics.Cli;

/// <summary>What the commands' exit codes mean.</summary>
internal static class ExitCodes
{
    /// <summary>Everything the command was given was handled.</summary>
    public const int Success = 0;

    /// <summary>The command ran and something failed: invalid input, a bad setting, a provider's error.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong: an unknown or missing option, a value of the wrong form.</summary>
    public const int Usage = 2;
}
