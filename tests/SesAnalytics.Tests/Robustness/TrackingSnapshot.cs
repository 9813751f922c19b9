using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Tests.Robustness;

/// <summary>What a pipeline's store holds, in a form two runs can be compared by.</summary>
/// <param name="IdentityKeys">Each record's identity (message, type, recipient, time), sorted; a repeat shows twice.</param>
/// <param name="Contents">Each record's fields as canonical JSON, sorted.</param>
/// <param name="Counts">The metrics counts over everything retained.</param>
public sealed record TrackingSnapshot(IReadOnlyList<string> IdentityKeys, IReadOnlyList<string> Contents, EngagementCounts Counts);
