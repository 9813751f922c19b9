namespace SesAnalytics.Core.Events;

/// <summary>What the reader made of one queue message body.</summary>
public sealed record ReadResult(ReadStatus Status, string? Reason, IReadOnlyList<TrackingEvent> Events)
{
    public static ReadResult Ok(IReadOnlyList<TrackingEvent> events) => new(ReadStatus.Ok, null, events);

    public static ReadResult Ignored(string reason) => new(ReadStatus.Ignored, reason, []);

    public static ReadResult Invalid(string reason) => new(ReadStatus.Invalid, reason, []);
}
