namespace SesAnalytics.Core.Suppression;

/// <summary>
/// One suppressed address. <see cref="Scope"/> is a pipeline id, or <see cref="AllPipelines"/> for an address no
/// pipeline may send to (hard bounces, complaints).
/// </summary>
public sealed record SuppressionEntry(
    string Email,
    string Scope,
    SuppressionReason Reason,
    DateTimeOffset Since,
    string? CampaignId)
{
    public const string AllPipelines = "*";
}
