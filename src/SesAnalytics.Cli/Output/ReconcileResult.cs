namespace SesAnalytics.Cli.Output;

/// <summary>The outcomes of the messages a pipeline sent on one UTC day.</summary>
internal sealed record ReconcileResult(
    string Pipeline,
    DateOnly Day,
    long Sent,
    long Delivered,
    long Bounced,
    long Rejected,
    long Missing);
