namespace SesAnalytics.Aws.DynamoDb;

/// <summary>A <c>DAY#</c> aggregate item as read back.</summary>
internal sealed record StoredDay(
    DateOnly Day,
    string Generation,
    long ComputedAtMs,
    long ValidUntilMs,
    HourlyCounts All,
    IReadOnlySet<string> Campaigns);
