namespace SesAnalytics.Cli.Hosting;

/// <summary>A command cannot do what was asked; the message says why, naming the option, setting or file: exit code 1.</summary>
internal sealed class CommandException : Exception
{
    public CommandException()
    {
    }

    public CommandException(string message)
        : base(message)
    {
    }

    public CommandException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
