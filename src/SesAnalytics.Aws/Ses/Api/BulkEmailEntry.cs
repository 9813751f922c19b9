namespace SesAnalytics.Aws.Ses.Api;

/// <summary>One recipient of a bulk send, with the headers only it carries (e.g. its unsubscribe link).</summary>
internal sealed record BulkEmailEntry
{
    public required SesDestination Destination { get; init; }

    public IReadOnlyList<SesNameValue>? ReplacementHeaders { get; init; }
}
