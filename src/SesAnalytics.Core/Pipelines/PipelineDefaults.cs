namespace SesAnalytics.Core.Pipelines;

/// <summary>The contract's two pipelines; configuration may override any value or add pipelines.</summary>
public static class PipelineDefaults
{
    public const string Outreach = "outreach";
    public const string Financial = "financial";

    public static PipelineOptions OutreachPipeline() => new()
    {
        Id = Outreach,
        ConfigurationSet = "outreach-tracking",
        Topic = "ses-email-events",
        Table = "outreach-campaign-tracking",
        FromAddress = "outreach@example.com",
        Unsubscribable = true,
        MaxRecipientsPerRequest = 50,
    };

    public static PipelineOptions FinancialPipeline() => new()
    {
        Id = Financial,
        ConfigurationSet = "finance-tracking",
        Topic = "financial-ses-events",
        Table = "financial-campaign-tracking",
        FromAddress = "reports@example.com",
        Unsubscribable = false,
        MaxRecipientsPerRequest = 1,
    };
}
