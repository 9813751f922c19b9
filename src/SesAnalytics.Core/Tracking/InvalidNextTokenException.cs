namespace SesAnalytics.Core.Tracking;

/// <summary>A paging cursor that this store did not issue for this query, or that was altered.</summary>
public sealed class InvalidNextTokenException(string message) : Exception(message)
{
    public InvalidNextTokenException()
        : this("nextToken is not a cursor issued for this query")
    {
    }

    public InvalidNextTokenException(string message, Exception innerException)
        : this(message) => _ = innerException;
}
