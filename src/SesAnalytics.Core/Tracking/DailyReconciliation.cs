namespace SesAnalytics.Core.Tracking;

/// <summary>
/// For the messages sent on one UTC day: how many were sent and how many reached an outcome. <see cref="Missing"/>
/// counts sends with no delivery, bounce or reject: events that were lost or have not arrived yet.
/// </summary>
public sealed record DailyReconciliation(DateOnly Day, long Sent, long Delivered, long Bounced, long Rejected, long Missing);
