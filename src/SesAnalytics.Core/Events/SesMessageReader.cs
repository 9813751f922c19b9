namespace SesAnalytics.Core.Events;

/// <summary>
/// Reads one queue message body (SNS envelope or raw SES document, event publishing or identity notification,
/// or a captured Lambda payload) into normalized events as the contract defines them. Never throws.
/// </summary>
public static class SesMessageReader
{
    public static ReadResult Read(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        throw new NotImplementedException("The reader is being written: see the reader's tests.");
    }
}
