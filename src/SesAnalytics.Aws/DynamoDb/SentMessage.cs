using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// One message as counting sees it: its send time, the types of its live events (a bit set, see
/// <see cref="MessageOutcomes.Bit"/>), the campaigns any of them carries, and when its first and last live records expire
/// (epoch seconds).
/// </summary>
internal sealed record SentMessage(
    string MessageId,
    DateTimeOffset SentAt,
    int Types,
    IReadOnlySet<string> Campaigns,
    long FirstExpiration,
    long LastExpiration);
