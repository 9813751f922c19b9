namespace SesAnalytics.Tests.Robustness;

/// <summary>A failure a test wrapper raised on purpose, so a test can tell it from a real one.</summary>
public sealed class InjectedFaultException : Exception
{
    public InjectedFaultException()
    {
    }

    public InjectedFaultException(string message)
        : base(message)
    {
    }

    public InjectedFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
