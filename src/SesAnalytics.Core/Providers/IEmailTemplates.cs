using SesAnalytics.Core.Sending;

namespace SesAnalytics.Core.Providers;

/// <summary>Stored email templates (SES templates, or the embedded template table).</summary>
public interface IEmailTemplates
{
    /// <summary>Creates the template or replaces the one with the same name.</summary>
    Task PutAsync(EmailTemplate emailTemplate, CancellationToken cancellationToken);

    Task<EmailTemplate?> GetAsync(string name, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Returns false when there was no such template.</summary>
    Task<bool> DeleteAsync(string name, CancellationToken cancellationToken);
}
