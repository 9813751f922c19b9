using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesAnalytics.Core.Events;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Bench.Samples;

/// <summary>
/// The recorded SES and SNS queue bodies of the shared samples that read as events (SNS envelopes, raw
/// event-publishing records and identity notifications), and fresh copies of them: each copy gets its own SES
/// message id, and its times are moved to the recent past so no store treats it as expired.
/// </summary>
internal sealed class SampleCorpus
{
    /// <summary>Share of each event type in <see cref="SampleMix.Typical"/>; types without a sample are left out.</summary>
    public static readonly IReadOnlyDictionary<SesEventType, double> TypicalWeights = new Dictionary<SesEventType, double>
    {
        [SesEventType.Send] = 0.27,
        [SesEventType.Delivery] = 0.25,
        [SesEventType.Open] = 0.25,
        [SesEventType.Click] = 0.15,
        [SesEventType.Bounce] = 0.04,
        [SesEventType.DeliveryDelay] = 0.02,
        [SesEventType.Complaint] = 0.005,
        [SesEventType.Reject] = 0.005,
        [SesEventType.RenderingFailure] = 0.005,
        [SesEventType.Subscription] = 0.005,
    };

    private static readonly string[] QueueBodyShapes = ["event-publishing", "identity-notifications", "sns-envelope"];

    private static readonly JsonSerializerOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private SampleCorpus(IReadOnlyList<SampleTemplate> templates) => Templates = templates;

    public IReadOnlyList<SampleTemplate> Templates { get; }

    /// <summary>A corpus of some of the templates, e.g. one shape's.</summary>
    public SampleCorpus Subset(Func<SampleTemplate, bool> include) => new([.. Templates.Where(include)]);

    /// <summary>Loads every sample under the queue-body folders whose expected status is <c>ok</c>.</summary>
    public static SampleCorpus Load(string? samplesPath = null)
    {
        var root = samplesPath ?? RepositoryPaths.Samples;
        var templates = new List<SampleTemplate>();
        foreach (var shape in QueueBodyShapes)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, shape), "*.json").Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".expected.json", StringComparison.Ordinal))
                {
                    continue;
                }

                var body = File.ReadAllText(file);
                var result = SesMessageReader.Read(body);
                if (result.Status != ReadStatus.Ok)
                {
                    continue;
                }

                var document = JsonNode.Parse(body) as JsonObject
                    ?? throw new InvalidDataException($"{file} does not hold a JSON object.");
                var name = $"{shape}/{Path.GetFileNameWithoutExtension(file)}";
                templates.Add(new SampleTemplate(name, shape, body, document, result.Events[0].EventType));
            }
        }

        return templates.Count == 0
            ? throw new InvalidDataException($"No readable SES samples under {root}.")
            : new SampleCorpus(templates);
    }

    /// <summary>
    /// Makes <paramref name="count"/> bodies with fresh message ids and times spread over the
    /// <paramref name="spread"/> before <paramref name="now"/>; checks that each reads back with its new id.
    /// </summary>
    public GeneratedMessages Generate(int count, SampleMix mix, DateTimeOffset now, TimeSpan spread, int seed = 20_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var random = new Random(seed);
        var pick = Picker(mix, random);
        var bodies = new string[count];
        var byType = new Dictionary<string, int>(StringComparer.Ordinal);
        var events = 0;
        for (var i = 0; i < count; i++)
        {
            var template = pick(i);
            var messageId = FreshMessageId(random);
            var sentAt = now - (spread * random.NextDouble()) - TimeSpan.FromMinutes(5);
            var eventAt = sentAt + TimeSpan.FromSeconds(random.Next(1, 240));
            var body = Refresh(template, messageId, sentAt, eventAt);
            var read = SesMessageReader.Read(body);
            if (read.Status != ReadStatus.Ok || read.Events.Any(e => e.MessageId != messageId))
            {
                throw new InvalidOperationException(
                    $"The copy of {template.Name} did not read back as events of message {messageId}: {read.Status} {read.Reason}");
            }

            bodies[i] = body;
            events += read.Events.Count;
            var type = template.EventType.ToName();
            byType[type] = byType.GetValueOrDefault(type) + 1;
        }

        return new GeneratedMessages(bodies, events, byType);
    }

    /// <summary>An id shaped like SES's: 60 hex digits and dashes, then a region suffix.</summary>
    private static string FreshMessageId(Random random)
    {
        Span<byte> bytes = stackalloc byte[30];
        random.NextBytes(bytes);
        var hex = Convert.ToHexStringLower(bytes);
        return $"0100{hex[..12]}-{hex[12..20]}-{hex[20..24]}-{hex[24..28]}-{hex[28..40]}-{hex[40..46]}-000000";
    }

    private static string Time(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The template with the new id and times: in the SES document, and in the SNS envelope around it.</summary>
    private static string Refresh(SampleTemplate template, string messageId, DateTimeOffset sentAt, DateTimeOffset eventAt)
    {
        var copy = (JsonObject)template.Document.DeepClone();
        var message = Property(copy, "Message");
        if (message is JsonValue value && value.TryGetValue<string>(out var inner))
        {
            var document = JsonNode.Parse(inner) as JsonObject
                ?? throw new InvalidDataException($"The Message of {template.Name} is not a JSON object.");
            RefreshDocument(document, messageId, sentAt, eventAt);
            SetProperty(copy, "Message", document.ToJsonString(WriteOptions));
            SetExisting(copy, "Timestamp", Time(eventAt));
            SetExisting(copy, "MessageId", Guid.NewGuid().ToString());
        }
        else
        {
            RefreshDocument(copy, messageId, sentAt, eventAt);
        }

        return copy.ToJsonString(WriteOptions);
    }

    /// <summary>Sets <c>mail.messageId</c> and <c>mail.timestamp</c>, and every other <c>timestamp</c> below to the event time.</summary>
    private static void RefreshDocument(JsonObject document, string messageId, DateTimeOffset sentAt, DateTimeOffset eventAt)
    {
        foreach (var (name, child) in document.ToList())
        {
            if (child is not JsonObject section)
            {
                continue;
            }

            if (name.Equals("mail", StringComparison.OrdinalIgnoreCase))
            {
                SetExisting(section, "messageId", messageId);
                SetExisting(section, "timestamp", Time(sentAt));
            }
            else
            {
                SetExisting(section, "timestamp", Time(eventAt));
            }
        }
    }

    private static JsonNode? Property(JsonObject node, string name) =>
        node.FirstOrDefault(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static void SetProperty(JsonObject node, string name, string value)
    {
        var key = node.First(p => p.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Key;
        node[key] = value;
    }

    private static void SetExisting(JsonObject node, string name, string value)
    {
        var key = node.Select(p => p.Key).FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (key is not null)
        {
            node[key] = value;
        }
    }

    private Func<int, SampleTemplate> Picker(SampleMix mix, Random random)
    {
        if (mix == SampleMix.Uniform)
        {
            return i => Templates[i % Templates.Count];
        }

        var byType = Templates.GroupBy(t => t.EventType).ToDictionary(g => g.Key, g => g.ToList());
        var weights = TypicalWeights.Where(w => byType.ContainsKey(w.Key)).ToList();
        var total = weights.Sum(w => w.Value);
        var turns = new Dictionary<SesEventType, int>();
        return _ =>
        {
            var roll = random.NextDouble() * total;
            var type = weights[^1].Key;
            foreach (var (candidate, weight) in weights)
            {
                if (roll < weight)
                {
                    type = candidate;
                    break;
                }

                roll -= weight;
            }

            var choices = byType[type];
            var turn = turns.GetValueOrDefault(type);
            turns[type] = turn + 1;
            return choices[turn % choices.Count];
        };
    }
}
