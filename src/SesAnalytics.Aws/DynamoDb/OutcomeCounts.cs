using System.Globalization;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// Unique-message counters, or what one message adds to them (the contract's metrics rules): sent = a SEND or
/// any delivery-path event; engaged = any event other than SEND; missing = sent with no delivery, bounce or reject.
/// </summary>
internal readonly record struct OutcomeCounts(
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
    private const int FieldCount = 9;

    private static readonly int SendBit = Bit(SesEventType.Send);

    private static readonly int DeliveryPathBits = SesEventTypeNames.All
        .Where(type => type.IsDeliveryPath())
        .Aggregate(0, (bits, type) => bits | Bit(type));

    private static readonly int SettledBits = Bit(SesEventType.Delivery) | Bit(SesEventType.Bounce) | Bit(SesEventType.Reject);

    public bool IsZero => this == default;

    public static int Bit(SesEventType type) => 1 << (int)type;

    /// <summary>The contribution of one message whose live events have the types in <paramref name="types"/> (a bit set).</summary>
    public static OutcomeCounts OfMessage(int types)
    {
        var sent = (types & (SendBit | DeliveryPathBits)) != 0;
        return new OutcomeCounts(
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

    public OutcomeCounts Plus(OutcomeCounts other) => new(
        Sent + other.Sent,
        Delivered + other.Delivered,
        Opened + other.Opened,
        Clicked + other.Clicked,
        Bounced + other.Bounced,
        Complained + other.Complained,
        Rejected + other.Rejected,
        Engaged + other.Engaged,
        Missing + other.Missing);

    public EngagementCounts ToEngagementCounts() =>
        new(Sent, Delivered, Opened, Clicked, Bounced, Complained, Rejected, Engaged);

    public DailyReconciliation ToReconciliation(DateOnly day) => new(day, Sent, Delivered, Bounced, Rejected, Missing);

    /// <summary>Compact text form: the nine counters, comma-separated, in declaration order.</summary>
    public string ToText() => string.Join(
        ',',
        new[] { Sent, Delivered, Opened, Clicked, Bounced, Complained, Rejected, Engaged, Missing }
            .Select(value => value.ToString(CultureInfo.InvariantCulture)));

    public static OutcomeCounts ParseText(string text)
    {
        var parts = text.Split(',');
        if (parts.Length != FieldCount)
        {
            throw new InvalidDataException($"An aggregate's counters '{text}' do not hold {FieldCount} numbers.");
        }

        var values = parts.Select(part => long.Parse(part, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray();
        return new OutcomeCounts(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], values[8]);
    }

    private static long Has(int types, SesEventType type) => (types & Bit(type)) != 0 ? 1 : 0;
}
