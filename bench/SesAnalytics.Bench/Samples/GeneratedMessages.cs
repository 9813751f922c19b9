namespace SesAnalytics.Bench.Samples;

/// <summary>Queue bodies made from the samples, and what reading them yields.</summary>
/// <param name="Bodies">The bodies, each with its own SES message id.</param>
/// <param name="Events">Tracking events the bodies carry in all.</param>
/// <param name="ByType">Messages per event type, e.g. <c>DELIVERY 5400</c>.</param>
internal sealed record GeneratedMessages(IReadOnlyList<string> Bodies, int Events, IReadOnlyDictionary<string, int> ByType)
{
    public string DescribeMix() => string.Join(", ", ByType.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"));
}
