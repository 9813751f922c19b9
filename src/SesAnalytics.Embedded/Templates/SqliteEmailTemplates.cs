using System.Text.RegularExpressions;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Sending;
using SesAnalytics.Embedded.Storage;

namespace SesAnalytics.Embedded.Templates;

/// <summary>Email templates in SQLite, with SES's rules for names and parts.</summary>
internal sealed partial class SqliteEmailTemplates(EmbeddedDatabase database, TimeProvider timeProvider) : IEmailTemplates
{
    public async Task PutAsync(EmailTemplate emailTemplate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emailTemplate);
        ValidateName(emailTemplate.Name, nameof(emailTemplate));
        if (string.IsNullOrWhiteSpace(emailTemplate.Subject))
        {
            throw new ArgumentException($"Template '{emailTemplate.Name}' has no subject.", nameof(emailTemplate));
        }

        if (string.IsNullOrEmpty(emailTemplate.Html) && string.IsNullOrEmpty(emailTemplate.Text))
        {
            throw new ArgumentException($"Template '{emailTemplate.Name}' needs an HTML part, a text part or both.", nameof(emailTemplate));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            null,
            """
            INSERT INTO email_templates (name, subject, html, text, updated_at_ms) VALUES (@name, @subject, @html, @text, @now)
            ON CONFLICT (name) DO UPDATE SET
                subject = excluded.subject, html = excluded.html, text = excluded.text, updated_at_ms = excluded.updated_at_ms
            """,
            cancellationToken,
            ("@name", emailTemplate.Name),
            ("@subject", emailTemplate.Subject),
            ("@html", emailTemplate.Html),
            ("@text", emailTemplate.Text),
            ("@now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()));
    }

    public async Task<EmailTemplate?> GetAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            null,
            "SELECT name, subject, html, text FROM email_templates WHERE name = @name",
            ("@name", name));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new EmailTemplate(reader.GetString(0), reader.GetString(1), reader.NullableString(2), reader.NullableString(3))
            : null;
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, "SELECT name FROM email_templates ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(name);
        await using var connection = await database.OpenAsync(cancellationToken);
        var deleted = await Sql.ExecuteAsync(
            connection,
            null,
            "DELETE FROM email_templates WHERE name = @name",
            cancellationToken,
            ("@name", name));
        return deleted > 0;
    }

    private static void ValidateName(string name, string parameterName)
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            throw new ArgumentException(
                $"Template name '{name}' is not valid: use 1 to 64 letters, digits, '_' or '-'.",
                parameterName);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
