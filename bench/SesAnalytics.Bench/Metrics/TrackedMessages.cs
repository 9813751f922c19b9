using SesAnalytics.Core.Events;

namespace SesAnalytics.Bench.Metrics;

/// <summary>
/// Tracking events of <c>count</c> messages sent over the last weeks, as a pipeline records them: each message has
/// its SEND and then a DELIVERY (97 %) or a BOUNCE, and some an OPEN (25 %), a CLICK (8 %) or a COMPLAINT (0.1 %).
/// Made in slices, so a million messages never sit in memory at once.
/// </summary>
internal sealed class TrackedMessages(int count, DateTimeOffset now, TimeSpan spread, int campaigns = 20)
{
    public int Count => count;

    /// <summary>
    /// The events of messages <paramref name="first"/> to <paramref name="first"/> + <paramref name="take"/>,
    /// each message's events together.
    /// </summary>
    public IReadOnlyList<TrackingEvent> Slice(int first, int take)
    {
        var events = new List<TrackingEvent>(take * 3);
        for (var i = first; i < Math.Min(count, first + take); i++)
        {
            var random = new Random(i);
            var messageId = $"0100bench{i:D10}-metrics";
            var recipient = $"reader{i % 50_000}@example.com";
            var campaign = $"campaign-{i % campaigns}";
            var sentAt = Truncate(now - (spread * random.NextDouble()) - TimeSpan.FromHours(1));
            TrackingEvent Event(SesEventType type, int seconds) => new()
            {
                MessageId = messageId,
                EventType = type,
                Recipient = recipient,
                Timestamp = sentAt.AddSeconds(seconds),
                SentAt = sentAt,
                CampaignId = campaign,
                Tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["campaign"] = campaign },
            };

            events.Add(Event(SesEventType.Send, 0));
            var roll = random.NextDouble();
            events.Add(roll < 0.97 ? Event(SesEventType.Delivery, 2) : Event(SesEventType.Bounce, 2) with { BounceType = "Transient" });
            if (random.NextDouble() < 0.25)
            {
                events.Add(Event(SesEventType.Open, 600) with { UserAgent = "Mozilla/5.0", IpAddress = "192.0.2.10" });
            }

            if (random.NextDouble() < 0.08)
            {
                events.Add(Event(SesEventType.Click, 700) with { Link = "https://example.com/offer", IpAddress = "192.0.2.10" });
            }

            if (random.NextDouble() < 0.001)
            {
                events.Add(Event(SesEventType.Complaint, 900) with { ComplaintFeedbackType = "abuse" });
            }
        }

        return events;
    }

    private static DateTimeOffset Truncate(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);
}
