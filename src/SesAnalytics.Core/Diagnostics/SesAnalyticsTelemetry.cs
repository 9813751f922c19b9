using System.Diagnostics;
using System.Diagnostics.Metrics;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Sending;

namespace SesAnalytics.Core.Diagnostics;

/// <summary>
/// The app's OpenTelemetry instruments (meter and activity source <see cref="Name"/>): events stored, messages
/// refused, drain duration and batch sizes, sends by outcome.
/// </summary>
public sealed class SesAnalyticsTelemetry : IDisposable
{
    public const string Name = "SesAnalytics";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _eventsStored;
    private readonly Counter<long> _messagesRefused;
    private readonly Counter<long> _messagesIgnored;
    private readonly Histogram<double> _drainDuration;
    private readonly Histogram<int> _batchSize;
    private readonly Counter<long> _sends;

    public SesAnalyticsTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(Name);
        _eventsStored = _meter.CreateCounter<long>(
            "sesanalytics.events.stored", "{event}", "Tracking events written, by pipeline and event type.");
        _messagesRefused = _meter.CreateCounter<long>(
            "sesanalytics.messages.refused",
            "{message}",
            "Queue messages left for the dead-letter queue: unreadable, or refused by the store.");
        _messagesIgnored = _meter.CreateCounter<long>(
            "sesanalytics.messages.ignored", "{message}", "Queue messages that carry no event by design.");
        _drainDuration = _meter.CreateHistogram<double>(
            "sesanalytics.drain.duration", "s", "Duration of one drain of one pipeline.");
        _batchSize = _meter.CreateHistogram<int>(
            "sesanalytics.drain.batch_size", "{message}", "Messages per received batch.");
        _sends = _meter.CreateCounter<long>(
            "sesanalytics.sends", "{email}", "Emails handled by the send routes, by pipeline and outcome.");
    }

    public void EventStored(string pipeline, SesEventType type, int count) =>
        _eventsStored.Add(count, Tag("pipeline", pipeline), Tag("event_type", type.ToName()));

    public void MessageRefused(string pipeline, string cause) =>
        _messagesRefused.Add(1, Tag("pipeline", pipeline), Tag("cause", cause));

    public void MessageIgnored(string pipeline) => _messagesIgnored.Add(1, Tag("pipeline", pipeline));

    public void Drained(string pipeline, TimeSpan duration) =>
        _drainDuration.Record(duration.TotalSeconds, Tag("pipeline", pipeline));

    public void BatchReceived(string pipeline, int size) => _batchSize.Record(size, Tag("pipeline", pipeline));

    public void Sent(string pipeline, SendStatus status) =>
        _sends.Add(1, Tag("pipeline", pipeline), Tag("outcome", status.ToString().ToLowerInvariant()));

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
