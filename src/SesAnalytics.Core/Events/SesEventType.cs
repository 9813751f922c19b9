namespace SesAnalytics.Core.Events;

/// <summary>The event types SES publishes, in the contract's upper-case spelling.</summary>
public enum SesEventType
{
    Send,
    Delivery,
    Bounce,
    Complaint,
    Open,
    Click,
    Reject,
    RenderingFailure,
    DeliveryDelay,
    Subscription,
}
