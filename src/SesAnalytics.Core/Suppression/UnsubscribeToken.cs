namespace SesAnalytics.Core.Suppression;

/// <summary>What a signed unsubscribe link names: who, from which pipeline and campaign, valid until when.</summary>
public sealed record UnsubscribeToken(string Pipeline, string Email, string? CampaignId, DateTimeOffset ExpiresAt);
