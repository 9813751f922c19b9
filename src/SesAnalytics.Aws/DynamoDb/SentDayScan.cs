namespace SesAnalytics.Aws.DynamoDb;

/// <summary>
/// What a <see cref="SentDayReader"/> scan found: how many messages, and the earlier days that own some messages
/// seen on the scanned day, each with when the last of those messages' records expires (epoch seconds).
/// </summary>
internal sealed record SentDayScan(int Messages, IReadOnlyDictionary<DateOnly, long> EarlierDays);
