namespace SesAnalytics.Embedded.Sending;

/// <summary>
/// The SES mailbox simulator: what happens to a message sent to one of its addresses at
/// <c>simulator.amazonses.com</c> (a <c>+label</c> after the local part is allowed, as SES allows it). Any other
/// address is delivered.
/// </summary>
internal static class MailboxSimulator
{
    public const string Domain = "simulator.amazonses.com";

    public static SimulatedOutcome OutcomeFor(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var at = address.LastIndexOf('@');
        if (at <= 0 || !address.AsSpan(at + 1).Equals(Domain, StringComparison.OrdinalIgnoreCase))
        {
            return SimulatedOutcome.Delivered;
        }

        var local = address[..at];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            local = local[..plus];
        }

        return local.ToLowerInvariant() switch
        {
            "bounce" => SimulatedOutcome.Bounced,
            "complaint" => SimulatedOutcome.Complained,
            "suppressionlist" => SimulatedOutcome.OnSuppressionList,
            _ => SimulatedOutcome.Delivered,
        };
    }
}
