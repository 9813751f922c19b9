using MimeKit;
using SesAnalytics.Embedded.Storage;

namespace SesAnalytics.Embedded.Sending;

/// <summary>
/// The embedded SES's sent mail: each message as <c>outbox/MESSAGEID.eml</c> in the data folder, and a row per message
/// so its later events can be published.
/// </summary>
internal sealed class Outbox(EmbeddedDatabase database)
{
    public const string FolderName = "outbox";

    public string FolderPath => Path.Combine(database.DataPath, FolderName);

    public string PathFor(string messageId) => Path.Combine(FolderPath, messageId + ".eml");

    /// <summary>Writes the message whole or not at all (a temporary file renamed into place).</summary>
    public async Task<string> WriteAsync(string messageId, MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(FolderPath);
        var path = PathFor(messageId);
        var temporary = path + ".tmp";
        try
        {
            await message.WriteToAsync(temporary, cancellationToken);
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }

        return path;
    }

    public async Task RecordAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            null,
            """
            INSERT INTO outbox_messages (message_id, pipeline, recipient, mail, first_link, sent_at_ms)
            VALUES (@id, @pipeline, @recipient, @mail, @link, @sentAt)
            """,
            cancellationToken,
            ("@id", entry.MessageId),
            ("@pipeline", entry.Pipeline),
            ("@recipient", entry.Recipient),
            ("@mail", entry.Mail),
            ("@link", entry.FirstLink),
            ("@sentAt", entry.SentAt.ToUnixTimeMilliseconds()));
    }

    public async Task<OutboxEntry?> FindAsync(string messageId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            null,
            "SELECT message_id, pipeline, recipient, mail, first_link, sent_at_ms FROM outbox_messages WHERE message_id = @id",
            ("@id", messageId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new OutboxEntry(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.NullableString(4),
                UnixTime.FromMilliseconds(reader.GetInt64(5)))
            : null;
    }
}
