using Amazon.DynamoDBv2.Model;
using SesAnalytics.Core.Events;
using static SesAnalytics.Aws.DynamoDb.EventItems;
using static SesAnalytics.Aws.DynamoDb.TrackingSchema;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// The bookkeeping items of a tracking table, all in partition <see cref="TrackingSchema.MetricsPartition"/>:
/// <list type="bullet">
/// <item><c>DIRTY#day</c>: events of messages sent that day were stored at <c>writtenAt</c> (epoch ms).</item>
/// <item><c>MONTH#yyyy-MM</c>: some event of that month was stored (lets queries skip empty months).</item>
/// <item><c>LAST#TYPE</c>: when an event of that type was last stored.</item>
/// <item><c>DAY#day</c>: counters of the messages sent that day, by send hour, with the generation that wrote
/// them, when they were computed, until when no counted record expires, and the campaigns seen.</item>
/// <item><c>CAMPAIGN#campaign#day</c>: the same counters for one campaign, from the generation in its day item.</item>
/// </list>
/// Counters are stored as text (<see cref="HourlyCounts.ToText"/>); the named totals beside them are for people
/// reading the table. A day item lists the day's campaign ids, so it holds up to some thousands of campaigns a day
/// (an item is at most 400 KB; SES tag values at most 256 characters).
/// </summary>
internal static class MetricItems
{
    public const string DirtyPrefix = "DIRTY#";
    public const string MonthPrefix = "MONTH#";
    public const string LastPrefix = "LAST#";
    public const string DayPrefix = "DAY#";
    public const string CampaignPrefix = "CAMPAIGN#";

    private const string WrittenAt = "writtenAt";
    private const string LastStored = "lastStored";
    private const string Generation = "generation";
    private const string ComputedAt = "computedAt";
    private const string ValidUntil = "validUntil";
    private const string Hours = "hours";
    private const string Campaigns = "campaigns";
    private const string Campaign = "campaign";

    public static string DirtyKey(DateOnly day) => DirtyPrefix + UtcCalendar.DayText(day);

    public static string MonthKey(DateTimeOffset month) => MonthPrefix + UtcCalendar.MonthText(month);

    public static string LastKey(SesEventType type) => LastPrefix + type.ToName();

    public static string DayKey(DateOnly day) => DayPrefix + UtcCalendar.DayText(day);

    public static string CampaignKeyPrefix(string campaign) => CampaignPrefix + campaign + "#";

    public static string CampaignKey(string campaign, DateOnly day) => CampaignKeyPrefix(campaign) + UtcCalendar.DayText(day);

    public static Dictionary<string, AttributeValue> Dirty(DateOnly day, DateTimeOffset writtenAt, long expiration) =>
        new(StringComparer.Ordinal)
    {
        [Pk] = S(MetricsPartition),
        [Sk] = S(DirtyKey(day)),
        [WrittenAt] = N(writtenAt.ToUnixTimeMilliseconds()),
        [ExpirationTime] = N(expiration),
    };

    public static Dictionary<string, AttributeValue> Month(DateTimeOffset month, long expiration) => new(StringComparer.Ordinal)
    {
        [Pk] = S(MetricsPartition),
        [Sk] = S(MonthKey(month)),
        [ExpirationTime] = N(expiration),
    };

    public static Dictionary<string, AttributeValue> Last(SesEventType type, DateTimeOffset storedAt) => new(StringComparer.Ordinal)
    {
        [Pk] = S(MetricsPartition),
        [Sk] = S(LastKey(type)),
        [EventType] = S(type.ToName()),
        [LastStored] = S(EventTimestamps.Format(storedAt)),
    };

    public static Dictionary<string, AttributeValue> DayItem(DayAggregate aggregate, long expiration)
    {
        var item = CountersItem(DayKey(aggregate.Day), aggregate.Generation, aggregate.All, expiration);
        item[ComputedAt] = N(aggregate.ComputedAtMs);
        item[ValidUntil] = N(aggregate.ValidUntilMs);
        if (aggregate.Campaigns.Count > 0)
        {
            item[Campaigns] = new AttributeValue { SS = aggregate.Campaigns.Keys.Order(StringComparer.Ordinal).ToList() };
        }

        return item;
    }

    public static Dictionary<string, AttributeValue> CampaignItem(
        DayAggregate aggregate,
        string campaign,
        HourlyCounts counts,
        long expiration)
    {
        var item = CountersItem(CampaignKey(campaign, aggregate.Day), aggregate.Generation, counts, expiration);
        item[Campaign] = S(campaign);
        return item;
    }

    public static DateOnly? DayOfKey(string sortKey, string prefix) =>
        sortKey.StartsWith(prefix, StringComparison.Ordinal)
        && sortKey.Length == prefix.Length + UtcCalendar.DayPattern.Length
        && UtcCalendar.TryParseDay(sortKey[prefix.Length..], out var day)
            ? day
            : null;

    public static long WrittenAtOf(IReadOnlyDictionary<string, AttributeValue> item) => RequiredNumber(item, WrittenAt);

    public static StoredDay ParseDay(DateOnly day, IReadOnlyDictionary<string, AttributeValue> item) => new(
        day,
        Required(item, Generation),
        RequiredNumber(item, ComputedAt),
        RequiredNumber(item, ValidUntil),
        HourlyCounts.ParseText(Optional(item, Hours) ?? string.Empty),
        item.TryGetValue(Campaigns, out var names) && names.SS is { } set
            ? set.ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal));

    public static StoredCampaignDay ParseCampaignDay(IReadOnlyDictionary<string, AttributeValue> item) => new(
        Required(item, Generation),
        HourlyCounts.ParseText(Optional(item, Hours) ?? string.Empty));

    public static (SesEventType Type, DateTimeOffset StoredAt)? ParseLast(IReadOnlyDictionary<string, AttributeValue> item) =>
        SesEventTypeNames.TryParse(Optional(item, EventType), out var type) && ParseTime(item, LastStored) is { } storedAt
            ? (type, storedAt)
            : null;

    private static Dictionary<string, AttributeValue> CountersItem(
        string sortKey,
        string generation,
        HourlyCounts counts,
        long expiration)
    {
        var total = counts.Total;
        return new Dictionary<string, AttributeValue>(StringComparer.Ordinal)
        {
            [Pk] = S(MetricsPartition),
            [Sk] = S(sortKey),
            [Generation] = S(generation),
            [Hours] = S(counts.ToText()),
            [ExpirationTime] = N(expiration),
            ["sent"] = N(total.Sent),
            ["delivered"] = N(total.Delivered),
            ["opened"] = N(total.Opened),
            ["clicked"] = N(total.Clicked),
            ["bounced"] = N(total.Bounced),
            ["complained"] = N(total.Complained),
            ["rejected"] = N(total.Rejected),
            ["engaged"] = N(total.Engaged),
            ["missing"] = N(total.Missing),
        };
    }
}
