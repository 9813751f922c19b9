namespace SesAnalytics.Core.Events;

public enum ReadStatus
{
    /// <summary>The message held one or more events.</summary>
    Ok,

    /// <summary>A message that carries no event by design (SNS control messages, inbound mail notices).</summary>
    Ignored,

    /// <summary>A message that should have held an event but cannot be read; the reason names what is wrong.</summary>
    Invalid,
}
