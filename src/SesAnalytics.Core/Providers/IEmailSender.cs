using SesAnalytics.Core.Sending;

namespace SesAnalytics.Core.Providers;

/// <summary>Sends email (SES's role). One outcome per email, in order; it reports failures rather than throwing them.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Sends the emails of one request. They share pipeline, sender and content and differ in recipient and
    /// headers, so a provider may send them in bulk.
    /// </summary>
    Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken);
}
