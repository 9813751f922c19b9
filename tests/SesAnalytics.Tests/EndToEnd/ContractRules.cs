namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// The contract's metrics and reconciliation rules, applied to expected records without any product code, so an
/// end-to-end test can say what the app must answer. A message is a message id; it is sent at its <c>sentAt</c>
/// (the earliest one its events carry), or at its earliest event time when none carries one.
/// </summary>
internal static class ContractRules
{
    private static readonly HashSet<string> DeliveryPath =
        new(["DELIVERY", "BOUNCE", "COMPLAINT", "OPEN", "CLICK", "DELIVERY_DELAY"], StringComparer.Ordinal);

    /// <summary>What <c>GET /api/{pipeline}/metrics</c> answers for the window [from, to) and campaign.</summary>
    public static ExpectedMetrics Metrics(
        IEnumerable<ExpectedRecord> records,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        string? campaignId = null)
    {
        var messages = Messages(records)
            .Where(m => (from is null || m.SentAt >= from) && (to is null || m.SentAt < to))
            .Where(m => campaignId is null || m.Campaigns.Contains(campaignId))
            .ToList();
        var sent = messages.Count(m => m.IsSent);
        var delivered = messages.Count(m => m.Has("DELIVERY"));
        var opened = messages.Count(m => m.Has("OPEN"));
        var clicked = messages.Count(m => m.Has("CLICK"));
        var bounced = messages.Count(m => m.Has("BOUNCE"));
        var complained = messages.Count(m => m.Has("COMPLAINT"));
        var rejected = messages.Count(m => m.Has("REJECT"));
        var anyEngagement = messages.Any(m => m.Types.Any(t => t != "SEND"));
        return new ExpectedMetrics(
            sent,
            delivered,
            opened,
            clicked,
            bounced,
            complained,
            rejected,
            Rate(delivered, sent, anyEngagement),
            Rate(bounced, sent, anyEngagement),
            Rate(opened, delivered, anyEngagement),
            Rate(clicked, delivered, anyEngagement),
            Rate(complained, delivered, anyEngagement));
    }

    /// <summary>
    /// What <c>GET /api/{pipeline}/reconciliation?day=</c> answers: of the messages sent that UTC day, how many were
    /// sent, delivered, bounced and rejected, and how many sent ones have none of those outcomes.
    /// </summary>
    public static (long Sent, long Delivered, long Bounced, long Rejected, long Missing) Reconciliation(
        IEnumerable<ExpectedRecord> records,
        DateOnly day)
    {
        var messages = Messages(records).Where(m => DateOnly.FromDateTime(m.SentAt.UtcDateTime) == day).ToList();
        return (
            messages.Count(m => m.IsSent),
            messages.Count(m => m.Has("DELIVERY")),
            messages.Count(m => m.Has("BOUNCE")),
            messages.Count(m => m.Has("REJECT")),
            messages.Count(m => m.IsSent && !m.Has("DELIVERY") && !m.Has("BOUNCE") && !m.Has("REJECT")));
    }

    /// <summary>The UTC days on which the messages of <paramref name="records"/> were sent.</summary>
    public static IReadOnlyList<DateOnly> SendDays(IEnumerable<ExpectedRecord> records) =>
        Messages(records).Select(m => DateOnly.FromDateTime(m.SentAt.UtcDateTime)).Distinct().Order().ToList();

    private static double? Rate(long numerator, long denominator, bool anyEngagement) =>
        anyEngagement && denominator > 0 ? (double)numerator / denominator : null;

    private static IEnumerable<Message> Messages(IEnumerable<ExpectedRecord> records) =>
        records.GroupBy(r => r.MessageId, StringComparer.Ordinal).Select(g =>
        {
            var sentAts = g.Where(r => r.SentTime is not null).Select(r => r.SentTime!.Value).ToList();
            return new Message(
                sentAts.Count > 0 ? sentAts.Min() : g.Min(r => r.Time),
                g.Select(r => r.EventType).ToHashSet(StringComparer.Ordinal),
                g.Where(r => r.CampaignId is not null).Select(r => r.CampaignId!).ToHashSet(StringComparer.Ordinal));
        });

    private sealed record Message(DateTimeOffset SentAt, HashSet<string> Types, HashSet<string> Campaigns)
    {
        public bool IsSent => Types.Contains("SEND") || Types.Overlaps(DeliveryPath);

        public bool Has(string type) => Types.Contains(type);
    }
}
