using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SesAnalytics.Embedded.Storage;

/// <summary>Creates the embedded tables. <c>user_version</c> records the schema version so later versions can migrate.</summary>
internal static class Schema
{
    public const int Version = 1;

    private const string CreateTables = """
        CREATE TABLE IF NOT EXISTS tracking_events (
            id INTEGER PRIMARY KEY,
            pipeline TEXT NOT NULL,
            event_key TEXT NOT NULL,
            message_id TEXT NOT NULL,
            ses_event_type TEXT NOT NULL,
            email TEXT NOT NULL,
            timestamp_ms INTEGER NOT NULL,
            sent_at_ms INTEGER NULL,
            campaign_id TEXT NULL,
            month_year TEXT NOT NULL,
            expiration_time INTEGER NOT NULL,
            stored_at_ms INTEGER NOT NULL,
            tags TEXT NOT NULL,
            bounce_type TEXT NULL,
            bounce_sub_type TEXT NULL,
            complaint_feedback_type TEXT NULL,
            link TEXT NULL,
            user_agent TEXT NULL,
            ip_address TEXT NULL,
            UNIQUE (pipeline, event_key)
        );
        CREATE INDEX IF NOT EXISTS ix_tracking_events_time ON tracking_events (pipeline, timestamp_ms, event_key);
        CREATE INDEX IF NOT EXISTS ix_tracking_events_email ON tracking_events (pipeline, email, timestamp_ms, event_key);
        CREATE INDEX IF NOT EXISTS ix_tracking_events_campaign ON tracking_events (pipeline, campaign_id, timestamp_ms, event_key);
        CREATE INDEX IF NOT EXISTS ix_tracking_events_type ON tracking_events (pipeline, ses_event_type, timestamp_ms, event_key);
        CREATE INDEX IF NOT EXISTS ix_tracking_events_month ON tracking_events (pipeline, month_year);
        CREATE INDEX IF NOT EXISTS ix_tracking_events_expiry ON tracking_events (expiration_time);

        CREATE TABLE IF NOT EXISTS message_summaries (
            pipeline TEXT NOT NULL,
            message_id TEXT NOT NULL,
            sent_at_ms INTEGER NOT NULL,
            sent_at_from_mail INTEGER NOT NULL,
            types INTEGER NOT NULL,
            expiration_time INTEGER NOT NULL,
            PRIMARY KEY (pipeline, message_id)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_message_summaries_sent ON message_summaries (pipeline, sent_at_ms, types);
        CREATE INDEX IF NOT EXISTS ix_message_summaries_expiry ON message_summaries (expiration_time);

        CREATE TABLE IF NOT EXISTS message_campaigns (
            pipeline TEXT NOT NULL,
            message_id TEXT NOT NULL,
            campaign_id TEXT NOT NULL,
            PRIMARY KEY (pipeline, message_id, campaign_id)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS daily_counts (
            pipeline TEXT NOT NULL,
            campaign TEXT NOT NULL,
            day INTEGER NOT NULL,
            sent INTEGER NOT NULL,
            delivered INTEGER NOT NULL,
            opened INTEGER NOT NULL,
            clicked INTEGER NOT NULL,
            bounced INTEGER NOT NULL,
            complained INTEGER NOT NULL,
            rejected INTEGER NOT NULL,
            engaged INTEGER NOT NULL,
            missing INTEGER NOT NULL,
            PRIMARY KEY (pipeline, campaign, day)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS pipeline_activity (
            pipeline TEXT NOT NULL,
            ses_event_type TEXT NOT NULL,
            last_stored_ms INTEGER NOT NULL,
            PRIMARY KEY (pipeline, ses_event_type)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS queue_messages (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            message_id TEXT NOT NULL UNIQUE,
            pipeline TEXT NOT NULL,
            body TEXT NOT NULL,
            sent_at_ms INTEGER NOT NULL,
            visible_at_ms INTEGER NOT NULL,
            receive_count INTEGER NOT NULL,
            receipt_handle TEXT NULL,
            failure_reason TEXT NULL,
            dead INTEGER NOT NULL,
            dead_at_ms INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_queue_messages_ready ON queue_messages (pipeline, dead, visible_at_ms, seq);

        CREATE TABLE IF NOT EXISTS email_templates (
            name TEXT NOT NULL PRIMARY KEY,
            subject TEXT NOT NULL,
            html TEXT NULL,
            text TEXT NULL,
            updated_at_ms INTEGER NOT NULL
        );

        CREATE TABLE IF NOT EXISTS suppressions (
            email TEXT NOT NULL,
            scope TEXT NOT NULL,
            reason TEXT NOT NULL,
            since_ms INTEGER NOT NULL,
            campaign_id TEXT NULL,
            PRIMARY KEY (email, scope)
        ) WITHOUT ROWID;

        CREATE TABLE IF NOT EXISTS outbox_messages (
            message_id TEXT NOT NULL PRIMARY KEY,
            pipeline TEXT NOT NULL,
            recipient TEXT NOT NULL,
            mail TEXT NOT NULL,
            first_link TEXT NULL,
            sent_at_ms INTEGER NOT NULL
        );
        """;

    public static void Apply(SqliteConnection connection, TimeSpan busyTimeout)
    {
        Execute(
            connection,
            null,
            string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)busyTimeout.TotalMilliseconds};"));

        // WAL lets readers work while one writer writes, across processes; the setting is kept in the file.
        Execute(connection, null, "PRAGMA journal_mode = WAL;");

        using var transaction = connection.BeginTransaction();
        var current = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (current > Version)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"The embedded database {connection.DataSource} has schema version {current}, newer than this build's {Version}."));
        }

        if (current < Version)
        {
            Execute(connection, transaction, CreateTables);
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"PRAGMA user_version = {Version};"));
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
