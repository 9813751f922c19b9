using SesAnalytics.Core.Events;

namespace SesAnalytics.Core.Tracking;

/// <summary>
/// The contract's metrics rules in one place: what one message adds to each unique-message counter, from the set of
/// event types it has, or a sum of such contributions. Sent = a SEND or any delivery-path event; engaged = any event
/// other than SEND; <see cref="Missing"/> = sent with no delivery, bounce or reject. Every store counts with it.
/// </summary>
public readonly record struct MessageOutcomes(
    long Sent,
    long Delivered,
    long Opened,
    long Clicked,
    long Bounced,
    long Complained,
    long Rejected,
    long Engaged,
    long Missing)
{
    private static readonly int SendBit = Bit(SesEventType.Send);

    private static readonly int DeliveryPathBits = SesEventTypeNames.All
        .Where(type => type.IsDeliveryPath())
        .Aggregate(0, (bits, type) => bits | Bit(type));

    private static readonly int SettledBits = Bit(SesEventType.Delivery) | Bit(SesEventType.Bounce) | Bit(SesEventType.Reject);

    public static MessageOutcomes Zero => default;

    public bool IsZero => this == default;

    public static int Bit(SesEventType type) => 1 << (int)type;

    /// <summary>The contribution of one message whose events have the types in <paramref name="types"/> (a bit set).</summary>
    public static MessageOutcomes FromTypes(int types)
    {
        var sent = (types & (SendBit | DeliveryPathBits)) != 0;
        return new MessageOutcomes(
            Sent: sent ? 1 : 0,
            Delivered: Has(types, SesEventType.Delivery),
            Opened: Has(types, SesEventType.Open),
            Clicked: Has(types, SesEventType.Click),
            Bounced: Has(types, SesEventType.Bounce),
            Complained: Has(types, SesEventType.Complaint),
            Rejected: Has(types, SesEventType.Reject),
            Engaged: (types & ~SendBit) != 0 ? 1 : 0,
            Missing: sent && (types & SettledBits) == 0 ? 1 : 0);
    }

    public MessageOutcomes Plus(MessageOutcomes other) => new(
        Sent + other.Sent,
        Delivered + other.Delivered,
        Opened + other.Opened,
        Clicked + other.Clicked,
        Bounced + other.Bounced,
        Complained + other.Complained,
        Rejected + other.Rejected,
        Engaged + other.Engaged,
        Missing + other.Missing);

    public MessageOutcomes Times(long factor) => new(
        Sent * factor,
        Delivered * factor,
        Opened * factor,
        Clicked * factor,
        Bounced * factor,
        Complained * factor,
        Rejected * factor,
        Engaged * factor,
        Missing * factor);

    public EngagementCounts ToCounts() =>
        new(Sent, Delivered, Opened, Clicked, Bounced, Complained, Rejected, Engaged);

    public DailyReconciliation ToReconciliation(DateOnly day) => new(day, Sent, Delivered, Bounced, Rejected, Missing);

    /// <summary>The nine counters in declaration order.</summary>
    public long[] ToArray() => [Sent, Delivered, Opened, Clicked, Bounced, Complained, Rejected, Engaged, Missing];

    /// <summary>The inverse of <see cref="ToArray"/>.</summary>
    public static MessageOutcomes FromArray(IReadOnlyList<long> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.Count == 9
            ? new MessageOutcomes(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8])
            : throw new ArgumentException($"Expected 9 counters, got {values.Count}.", nameof(values));
    }

    private static long Has(int types, SesEventType type) => (types & Bit(type)) != 0 ? 1 : 0;
}
