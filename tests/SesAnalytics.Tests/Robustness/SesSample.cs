using System.Text.Json.Nodes;

namespace SesAnalytics.Tests.Robustness;

/// <summary>One shared SES/SNS sample: its queue body and the events its <c>.expected.json</c> says it holds.</summary>
/// <param name="Name">Path relative to the samples folder.</param>
/// <param name="Body">The queue message body.</param>
/// <param name="Status"><c>ok</c>, <c>ignored</c> or <c>invalid</c>.</param>
/// <param name="Events">The expected events (empty unless <c>ok</c>).</param>
public sealed record SesSample(string Name, string Body, string Status, IReadOnlyList<JsonObject> Events);
