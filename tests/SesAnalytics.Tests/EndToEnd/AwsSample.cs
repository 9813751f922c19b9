namespace SesAnalytics.Tests.EndToEnd;

/// <summary>One shared sample file and what its expected file says.</summary>
/// <param name="Name">Path under the samples folder.</param>
/// <param name="Body">The file's text, published as it is.</param>
/// <param name="IsSesDocument">A bare SES document, which SNS may wrap in its envelope.</param>
/// <param name="Status"><c>ok</c>, <c>ignored</c> or <c>invalid</c>.</param>
/// <param name="Events">The events a reader makes of it (none unless ok).</param>
internal sealed record AwsSample(string Name, string Body, bool IsSesDocument, string Status, IReadOnlyList<AwsExpectedEvent> Events);
