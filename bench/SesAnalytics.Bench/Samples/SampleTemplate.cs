using System.Text.Json.Nodes;
using SesAnalytics.Core.Events;

namespace SesAnalytics.Bench.Samples;

/// <summary>One recorded queue body whose reading yields events, kept parsed so fresh copies are cheap to make.</summary>
/// <param name="Name">The sample's path under the samples folder, e.g. <c>sns-envelope/spatie-click-iphone-campaign-headers</c>.</param>
/// <param name="Shape">The folder: <c>event-publishing</c>, <c>identity-notifications</c> or <c>sns-envelope</c>.</param>
/// <param name="Body">The body as recorded.</param>
/// <param name="Document">The body parsed.</param>
/// <param name="EventType">The type of the events it yields.</param>
internal sealed record SampleTemplate(string Name, string Shape, string Body, JsonObject Document, SesEventType EventType);
