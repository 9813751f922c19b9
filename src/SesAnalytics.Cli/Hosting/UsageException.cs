namespace SesAnalytics.Cli.Hosting;

/// <summary>The command line named something that does not fit the configuration (an unknown pipeline): exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
