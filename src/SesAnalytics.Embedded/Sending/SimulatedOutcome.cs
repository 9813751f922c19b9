namespace SesAnalytics.Embedded.Sending;

/// <summary>What the embedded SES makes happen to a sent message, after its Send event.</summary>
internal enum SimulatedOutcome
{
    /// <summary>Delivered (<c>success@</c>, <c>ooto@</c> and every address outside the simulator).</summary>
    Delivered,

    /// <summary>A permanent bounce, subtype General (<c>bounce@</c>).</summary>
    Bounced,

    /// <summary>Delivered, then a complaint with feedback type abuse (<c>complaint@</c>).</summary>
    Complained,

    /// <summary>A permanent bounce, subtype OnAccountSuppressionList (<c>suppressionlist@</c>).</summary>
    OnSuppressionList,
}
