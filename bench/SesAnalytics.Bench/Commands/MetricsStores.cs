namespace SesAnalytics.Bench.Commands;

/// <summary>Which stores the metrics benchmark loads.</summary>
internal enum MetricsStores
{
    Both,
    Embedded,
    Dynamodb,
}
