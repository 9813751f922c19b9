using System.Text.Json;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// The shared SES samples with what their <c>NAME.expected.json</c> says a reader makes of them, and the tracking
/// records and metrics the contract's rules give for a set of them. Worked out from the JSON files alone, without
/// the product's reader, store or metrics code, so the end-to-end tests compare against an independent answer.
/// </summary>
internal static class AwsSampleExpectations
{
    private static readonly HashSet<string> SentEvidence =
        new(["SEND", "DELIVERY", "BOUNCE", "COMPLAINT", "OPEN", "CLICK", "DELIVERY_DELAY"], StringComparer.Ordinal);

    /// <summary>Every sample file (not the expected ones), in file name order.</summary>
    public static IReadOnlyList<AwsSample> LoadAll() => Directory
        .EnumerateFiles(RepositoryPaths.Samples, "*.json", SearchOption.AllDirectories)
        .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .Select(Load)
        .ToList();

    /// <summary>Distinct events of <paramref name="samples"/>: the same event in two files is one record.</summary>
    public static IReadOnlyList<AwsExpectedEvent> Events(IEnumerable<AwsSample> samples) => samples
        .SelectMany(s => s.Events)
        .DistinctBy(e => e.Key, StringComparer.Ordinal)
        .ToList();

    /// <summary>
    /// The metrics of <paramref name="events"/> for the messages sent in [<paramref name="from"/>,
    /// <paramref name="to"/>) (everything when null) that belong to <paramref name="campaignId"/> (any when null).
    /// </summary>
    public static AwsExpectedMetrics Metrics(
        IReadOnlyList<AwsExpectedEvent> events,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        string? campaignId = null)
    {
        var included = Messages(events)
            .Where(m => from is null || (m.SentAt >= from && m.SentAt < to))
            .Where(m => campaignId is null || m.Events.Any(e => e.CampaignId == campaignId))
            .Select(m => m.Events.Select(e => e.EventType).ToHashSet(StringComparer.Ordinal))
            .ToList();
        long Count(string type) => included.Count(types => types.Contains(type));
        var sent = included.Count(types => types.Overlaps(SentEvidence));
        var delivered = Count("DELIVERY");
        // Rates need an engagement event (anything after the send) in the window: without one there is no data yet.
        var engaged = included.Any(types => types.Any(t => t != "SEND"));
        double? Rate(long numerator, long denominator) =>
            !engaged || denominator == 0 ? null : (double)numerator / denominator;
        return new AwsExpectedMetrics(
            sent,
            delivered,
            Count("OPEN"),
            Count("CLICK"),
            Count("BOUNCE"),
            Count("COMPLAINT"),
            Count("REJECT"),
            Rate(delivered, sent),
            Rate(Count("BOUNCE"), sent),
            Rate(Count("OPEN"), delivered),
            Rate(Count("CLICK"), delivered),
            Rate(Count("COMPLAINT"), delivered));
    }

    /// <summary>
    /// The messages of <paramref name="events"/>, each with its send time: its <c>sentAt</c>, or its earliest event
    /// time when no event carries one.
    /// </summary>
    /// <remarks>
    /// SES gives every event of a message the same <c>mail.timestamp</c>. The samples reuse AWS's placeholder message
    /// ids (<c>EXAMPLE7c191be45-…</c>, <c>ref1</c>) across unrelated examples with different ones, which the
    /// contract's rules do not cover: such an id counts here as one message per <c>mail.timestamp</c>, as the
    /// DynamoDB store counts it (the embedded store counts it once, at the earliest).
    /// </remarks>
    private static IEnumerable<(DateTimeOffset SentAt, List<AwsExpectedEvent> Events)> Messages(IEnumerable<AwsExpectedEvent> events)
    {
        foreach (var message in events.GroupBy(e => e.MessageId, StringComparer.Ordinal))
        {
            var sentAts = message.Select(e => e.SentAt).OfType<DateTimeOffset>().Distinct().ToList();
            if (sentAts.Count <= 1)
            {
                yield return (sentAts.Count == 1 ? sentAts[0] : message.Min(e => e.Time), message.ToList());
                continue;
            }

            if (message.Any(e => e.SentAt is null))
            {
                throw new InvalidOperationException(
                    $"Message {message.Key} has events with different sentAt values and events without one; no rule covers it.");
            }

            foreach (var part in message.GroupBy(e => e.SentAt!.Value))
            {
                yield return (part.Key, part.ToList());
            }
        }
    }

    private static AwsSample Load(string path)
    {
        var body = File.ReadAllText(path);
        var expectedPath = path[..^".json".Length] + ".expected.json";
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var root = expected.RootElement;
        var events = root.TryGetProperty("events", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(ReadEvent).ToList()
            : [];
        return new AwsSample(
            Path.GetRelativePath(RepositoryPaths.Samples, path),
            body,
            IsSesDocument(body),
            root.GetProperty("status").GetString()!,
            events);
    }

    /// <summary>A bare SES document, as SES publishes it to SNS: neither an SNS envelope nor a Lambda payload.</summary>
    private static bool IsSesDocument(string body)
    {
        using var document = JsonDocument.Parse(body);
        return document.RootElement.ValueKind == JsonValueKind.Object
            && !document.RootElement.EnumerateObject().Any(p =>
                string.Equals(p.Name, "Type", StringComparison.OrdinalIgnoreCase)
                || string.Equals(p.Name, "Records", StringComparison.OrdinalIgnoreCase));
    }

    private static AwsExpectedEvent ReadEvent(JsonElement e)
    {
        var sentAt = e.TryGetProperty("sentAt", out var sent) && sent.ValueKind == JsonValueKind.String ? sent.GetString() : null;
        var campaign = e.TryGetProperty("campaignId", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        return new AwsExpectedEvent(
            e.GetProperty("messageId").GetString()!,
            e.GetProperty("eventType").GetString()!,
            e.GetProperty("recipient").GetString()!,
            e.GetProperty("timestamp").GetString()!,
            sentAt is null ? null : AwsExpectedEvent.ParseInstant(sentAt),
            campaign);
    }

}
