using SesAnalytics.Core.Events;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Embedded.Tracking;

/// <summary>
/// What the store keeps per message for metrics: when it was sent (<c>mail.timestamp</c>, or the earliest event time
/// while no event carried one), the event types and campaigns seen, and when its last record expires.
/// </summary>
internal sealed record MessageSummary(
    long SentAtMs,
    bool SentAtFromMail,
    int Types,
    long ExpirationTime,
    IReadOnlySet<string> Campaigns)
{
    public static MessageSummary Empty { get; } =
        new(long.MaxValue, false, 0, long.MinValue, new HashSet<string>(StringComparer.Ordinal));

    public long SentDay => Storage.UnixTime.Day(SentAtMs);

    public MessageOutcomes Outcomes => MessageOutcomes.FromTypes(Types);

    /// <summary>The summary after <paramref name="trackingEvent"/> is added.</summary>
    public MessageSummary With(TrackingEvent trackingEvent, long expirationTime)
    {
        var sentAt = SentAtMs;
        var fromMail = SentAtFromMail;
        if (trackingEvent.SentAt is { } mailTimestamp)
        {
            var mailMs = mailTimestamp.ToUnixTimeMilliseconds();
            sentAt = fromMail ? Math.Min(sentAt, mailMs) : mailMs;
            fromMail = true;
        }
        else if (!fromMail)
        {
            sentAt = Math.Min(sentAt, trackingEvent.Timestamp.ToUnixTimeMilliseconds());
        }

        var campaigns = Campaigns;
        if (trackingEvent.CampaignId is { } campaign && !Campaigns.Contains(campaign))
        {
            campaigns = new HashSet<string>(Campaigns, StringComparer.Ordinal) { campaign };
        }

        return new MessageSummary(
            sentAt,
            fromMail,
            Types | MessageOutcomes.Bit(trackingEvent.EventType),
            Math.Max(ExpirationTime, expirationTime),
            campaigns);
    }

    /// <summary>The counter keys this message counts under: all campaigns (empty string), then each of its campaigns.</summary>
    public IEnumerable<string> CounterCampaigns => Campaigns.Prepend(string.Empty);
}
