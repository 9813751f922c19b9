namespace SesAnalytics.Core.Events;

/// <summary>Where one SES event type keeps its data in the published JSON.</summary>
/// <param name="Type">The normalized event type.</param>
/// <param name="DetailProperty">
/// The event object beside <c>mail</c> (<c>bounce</c>, <c>failure</c>, <c>deliveryDelay</c>).
/// </param>
/// <param name="RecipientsProperty">
/// The recipient list inside the event object; null when the recipients are <c>mail.destination</c>.
/// </param>
/// <param name="TimedByMail">True when the event's time is <c>mail.timestamp</c> rather than the event object's own.</param>
internal sealed record WireEventShape(
    SesEventType Type,
    string DetailProperty,
    string? RecipientsProperty,
    bool TimedByMail)
{
    /// <summary>Where the recipients are read from, as a reason names it.</summary>
    public string RecipientsPath =>
        RecipientsProperty is null ? "mail.destination" : $"{DetailProperty}.{RecipientsProperty}";
}
