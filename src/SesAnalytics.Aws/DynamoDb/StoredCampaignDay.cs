namespace SesAnalytics.Aws.DynamoDb;

/// <summary>A <c>CAMPAIGN#</c> aggregate item as read back: valid only with the day item of the same generation.</summary>
internal sealed record StoredCampaignDay(string Generation, HourlyCounts Counts);
