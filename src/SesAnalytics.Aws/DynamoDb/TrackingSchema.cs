namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// Layout of a tracking table. Event items live in partition <c>MSG#messageId</c> under sort key
/// <c>EVENT#TYPE#recipient#timestamp</c>, so an event's item key follows from its identity and storing it again
/// overwrites it with the same content. Bookkeeping items (markers and aggregates) live in partition
/// <see cref="MetricsPartition"/>; they carry none of the index keys, so the indexes hold events only.
/// </summary>
internal static class TrackingSchema
{
    public const string Pk = "pk";
    public const string Sk = "sk";

    /// <summary>Events of one recipient by time: partition <see cref="Email"/>, sort <see cref="Timestamp"/>.</summary>
    public const string EmailIndex = "EmailIndex";

    /// <summary>Events of one month by time: partition <see cref="MonthYear"/>, sort <see cref="Timestamp"/>.</summary>
    public const string MonthYearIndex = "MonthYearIndex";

    /// <summary>
    /// Events by the UTC day their message was sent: partition <see cref="SentDay"/>, sort <see cref="SentKey"/>
    /// (<c>sentAt#messageId</c>, so one message's events are adjacent and a range of send times is one key range).
    /// Projects only what counting needs (<see cref="SentDayProjection"/>).
    /// </summary>
    public const string SentDayIndex = "SentDayIndex";

    public const string MessageId = "messageId";
    public const string Email = "email";
    public const string EventType = "sesEventType";
    public const string Timestamp = "timestamp";
    public const string SentAt = "sentAt";
    public const string MonthYear = "monthYear";
    public const string ExpirationTime = "expirationTime";
    public const string CampaignId = "campaignId";
    public const string Tags = "tags";
    public const string BounceType = "bounceType";
    public const string BounceSubType = "bounceSubType";
    public const string ComplaintFeedbackType = "complaintFeedbackType";
    public const string Link = "link";
    public const string UserAgent = "userAgent";
    public const string IpAddress = "ipAddress";
    public const string SentDay = "sentDay";
    public const string SentKey = "sentKey";

    public const string EventPartitionPrefix = "MSG#";
    public const string EventSortPrefix = "EVENT#";
    public const string MetricsPartition = "METRICS";

    /// <summary>The attributes <see cref="SentDayIndex"/> carries besides the keys.</summary>
    public static IReadOnlyList<string> SentDayProjection { get; } =
        [MessageId, EventType, CampaignId, SentAt, Timestamp, ExpirationTime];
}
