using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Embedded.Storage;

namespace SesAnalytics.Embedded.Tracking;

/// <summary>
/// Tracking records in SQLite, with the aggregates metrics read: a summary per message and, per pipeline, UTC day of
/// sending and campaign (empty for all), counters of unique messages per outcome. Records, summaries and counters
/// change in one transaction, so they always agree. A message counts in the metrics while any of its records lives.
/// </summary>
internal sealed class SqliteTrackingStore(
    EmbeddedDatabase database,
    CursorProtector cursors,
    IOptions<SesAnalyticsOptions> analyticsOptions,
    TimeProvider timeProvider,
    ILogger<SqliteTrackingStore> logger) : ITrackingStore
{
    /// <summary>Most expired records (and as many message summaries) one purge removes, so no call stalls on a backlog.</summary>
    internal const int PurgeBatchSize = 1000;

    private const string EventColumns = """
        message_id, ses_event_type, email, timestamp_ms, sent_at_ms, campaign_id, tags,
        bounce_type, bounce_sub_type, complaint_feedback_type, link, user_agent, ip_address, event_key
        """;

    private const string CounterColumns = "sent, delivered, opened, clicked, bounced, complained, rejected, engaged, missing";

    public async Task StoreAsync(string pipeline, IReadOnlyList<TrackingEvent> events, CancellationToken cancellationToken)
    {
        ValidatePipeline(pipeline);
        ValidateEvents(events);

        if (events.Count == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var nowSeconds = now.ToUnixTimeSeconds();
        var retention = analyticsOptions.Value.Retention;
        var inserted = new List<TrackingEvent>();
        var expiredOnArrival = 0;

        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var transaction = connection.BeginTransaction())
        {
            foreach (var trackingEvent in events)
            {
                var expiration = ExpirationTime(trackingEvent.Timestamp, retention);
                if (expiration <= nowSeconds)
                {
                    // Past its retention already: it would never be returned, so it is not kept or counted.
                    expiredOnArrival++;
                    continue;
                }

                if (await InsertAsync(connection, transaction, pipeline, trackingEvent, expiration, now, cancellationToken))
                {
                    inserted.Add(trackingEvent);
                }
            }

            foreach (var message in inserted.GroupBy(e => e.MessageId, StringComparer.Ordinal))
            {
                await UpdateSummaryAsync(connection, transaction, pipeline, message.Key, message, retention, cancellationToken);
            }

            foreach (var type in inserted.Select(e => e.EventType).Distinct())
            {
                await Sql.ExecuteAsync(
                    connection,
                    transaction,
                    """
                    INSERT INTO pipeline_activity (pipeline, ses_event_type, last_stored_ms) VALUES (@pipeline, @type, @now)
                    ON CONFLICT (pipeline, ses_event_type) DO UPDATE SET last_stored_ms = MAX(last_stored_ms, excluded.last_stored_ms)
                    """,
                    cancellationToken,
                    ("@pipeline", pipeline),
                    ("@type", type.ToName()),
                    ("@now", now.ToUnixTimeMilliseconds()));
            }

            await transaction.CommitAsync(cancellationToken);
        }

        Log.EventsStored(logger, pipeline, events.Count, inserted.Count, expiredOnArrival);
        await PurgeExpiredAsync(connection, nowSeconds, cancellationToken);
    }

    public async Task<TrackingPage> QueryAsync(string pipeline, TrackingQuery query, CancellationToken cancellationToken)
    {
        ValidatePipeline(pipeline);
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > TrackingQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(
                nameof(query),
                query.Limit,
                string.Create(CultureInfo.InvariantCulture, $"limit must be between 1 and {TrackingQuery.MaxLimit}."));
        }

        var fingerprint = CursorProtector.Fingerprint(pipeline, query);
        TrackingCursor? after = string.IsNullOrEmpty(query.NextToken)
            ? null
            : TrackingCursor.Parse(cursors.Unprotect(fingerprint, query.NextToken));

        var sql = new StringBuilder($"""
            SELECT {EventColumns} FROM tracking_events
            WHERE pipeline = @pipeline AND timestamp_ms >= @from AND timestamp_ms < @to AND expiration_time > @now
            """);
        var parameters = new List<(string, object?)>
        {
            ("@pipeline", pipeline),
            ("@from", UnixTime.CeilingMilliseconds(query.Window.From)),
            ("@to", UnixTime.CeilingMilliseconds(query.Window.To)),
            ("@now", timeProvider.GetUtcNow().ToUnixTimeSeconds()),
            ("@limit", query.Limit + 1),
        };
        if (query.Email is { } email)
        {
            sql.Append(" AND email = @email");
            parameters.Add(("@email", email.Trim().ToLowerInvariant()));
        }

        if (query.CampaignId is { } campaign)
        {
            sql.Append(" AND campaign_id = @campaign");
            parameters.Add(("@campaign", campaign));
        }

        if (query.EventType is { } eventType)
        {
            sql.Append(" AND ses_event_type = @type");
            parameters.Add(("@type", eventType.ToName()));
        }

        if (after is { } cursor)
        {
            sql.Append(" AND (timestamp_ms > @afterTime OR (timestamp_ms = @afterTime AND event_key > @afterKey))");
            parameters.Add(("@afterTime", cursor.TimestampMs));
            parameters.Add(("@afterKey", cursor.Key));
        }

        sql.Append(" ORDER BY timestamp_ms, event_key LIMIT @limit");

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(connection, null, sql.ToString(), [.. parameters]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var items = new List<TrackingEvent>();
        TrackingCursor? last = null;
        while (items.Count < query.Limit && await reader.ReadAsync(cancellationToken))
        {
            items.Add(ReadEvent(reader));
            last = new TrackingCursor(reader.GetInt64(3), reader.GetString(13));
        }

        var more = items.Count == query.Limit && await reader.ReadAsync(cancellationToken);
        var nextToken = more && last is { } end ? cursors.Protect(fingerprint, end.ToPayload()) : null;
        return new TrackingPage(items, nextToken);
    }

    public async Task<EngagementCounts> GetCountsAsync(
        string pipeline,
        TimeWindow window,
        string? campaignId,
        CancellationToken cancellationToken)
    {
        ValidatePipeline(pipeline);
        ArgumentNullException.ThrowIfNull(window);
        var from = UnixTime.CeilingMilliseconds(window.From);
        var to = UnixTime.CeilingMilliseconds(window.To);
        if (from >= to)
        {
            return EngagementCounts.Zero;
        }

        var campaign = campaignId ?? string.Empty;
        await using var connection = await database.OpenAsync(cancellationToken);
        await PurgeExpiredAsync(connection, timeProvider.GetUtcNow().ToUnixTimeSeconds(), cancellationToken);

        // Whole UTC days come from the counters; the part-days at either edge from the summaries of those days only.
        var firstWholeDay = UnixTime.CeilingDivide(from, UnixTime.MillisecondsPerDay);
        var endWholeDay = UnixTime.FloorDivide(to, UnixTime.MillisecondsPerDay);
        await using var snapshot = connection.BeginTransaction(deferred: true);
        MessageOutcomes total;
        if (firstWholeDay < endWholeDay)
        {
            total = await SumCountersAsync(connection, snapshot, pipeline, campaign, firstWholeDay, endWholeDay, cancellationToken);
            var wholeFrom = firstWholeDay * UnixTime.MillisecondsPerDay;
            var wholeTo = endWholeDay * UnixTime.MillisecondsPerDay;
            if (from < wholeFrom)
            {
                var head = await CountSummariesAsync(connection, snapshot, pipeline, campaignId, from, wholeFrom, cancellationToken);
                total = total.Plus(head);
            }

            if (wholeTo < to)
            {
                var tail = await CountSummariesAsync(connection, snapshot, pipeline, campaignId, wholeTo, to, cancellationToken);
                total = total.Plus(tail);
            }
        }
        else
        {
            total = await CountSummariesAsync(connection, snapshot, pipeline, campaignId, from, to, cancellationToken);
        }

        await snapshot.CommitAsync(cancellationToken);
        return total.ToCounts();
    }

    public async Task<PipelineActivity> GetActivityAsync(string pipeline, CancellationToken cancellationToken)
    {
        ValidatePipeline(pipeline);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            null,
            "SELECT ses_event_type, last_stored_ms FROM pipeline_activity WHERE pipeline = @pipeline",
            ("@pipeline", pipeline));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lastStored = new Dictionary<SesEventType, DateTimeOffset>();
        while (await reader.ReadAsync(cancellationToken))
        {
            if (SesEventTypeNames.TryParse(reader.GetString(0), out var type))
            {
                lastStored[type] = UnixTime.FromMilliseconds(reader.GetInt64(1));
            }
        }

        return new PipelineActivity(lastStored);
    }

    public async Task<DailyReconciliation> ReconcileAsync(string pipeline, DateOnly day, CancellationToken cancellationToken)
    {
        ValidatePipeline(pipeline);
        var dayNumber = UnixTime.Day(day);
        await using var connection = await database.OpenAsync(cancellationToken);
        await PurgeExpiredAsync(connection, timeProvider.GetUtcNow().ToUnixTimeSeconds(), cancellationToken);
        var counts = await SumCountersAsync(connection, null, pipeline, string.Empty, dayNumber, dayNumber + 1, cancellationToken);
        return new DailyReconciliation(day, counts.Sent, counts.Delivered, counts.Bounced, counts.Rejected, counts.Missing);
    }

    /// <summary>Removes up to <see cref="PurgeBatchSize"/> expired records and message summaries, updating the counters.</summary>
    internal async Task<int> PurgeExpiredAsync(SqliteConnection connection, long nowSeconds, CancellationToken cancellationToken)
    {
        var anyExpired = await Sql.ScalarAsync(
            connection,
            null,
            """
            SELECT EXISTS (SELECT 1 FROM tracking_events WHERE expiration_time <= @now)
                OR EXISTS (SELECT 1 FROM message_summaries WHERE expiration_time <= @now)
            """,
            cancellationToken,
            ("@now", nowSeconds));
        if (Convert.ToInt64(anyExpired, CultureInfo.InvariantCulture) == 0)
        {
            return 0;
        }

        await using var transaction = connection.BeginTransaction();
        var records = await Sql.ExecuteAsync(
            connection,
            transaction,
            """
            DELETE FROM tracking_events WHERE id IN
                (SELECT id FROM tracking_events WHERE expiration_time <= @now LIMIT @limit)
            """,
            cancellationToken,
            ("@now", nowSeconds),
            ("@limit", PurgeBatchSize));

        var expired = new List<(string Pipeline, string MessageId)>();
        await using (var select = Sql.Command(
            connection,
            transaction,
            "SELECT pipeline, message_id FROM message_summaries WHERE expiration_time <= @now LIMIT @limit",
            ("@now", nowSeconds),
            ("@limit", PurgeBatchSize)))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                expired.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (pipeline, messageId) in expired)
        {
            var summary = await ReadSummaryAsync(connection, transaction, pipeline, messageId, cancellationToken);
            if (summary is not null)
            {
                var deltas = new CounterDeltas();
                deltas.Remove(summary);
                await ApplyDeltasAsync(connection, transaction, pipeline, deltas, cancellationToken);
            }

            await Sql.ExecuteAsync(
                connection,
                transaction,
                """
                DELETE FROM message_campaigns WHERE pipeline = @pipeline AND message_id = @message;
                DELETE FROM message_summaries WHERE pipeline = @pipeline AND message_id = @message;
                """,
                cancellationToken,
                ("@pipeline", pipeline),
                ("@message", messageId));
        }

        if (expired.Count > 0)
        {
            await Sql.ExecuteAsync(
                connection,
                transaction,
                """
                DELETE FROM daily_counts WHERE sent = 0 AND delivered = 0 AND opened = 0 AND clicked = 0 AND bounced = 0
                    AND complained = 0 AND rejected = 0 AND engaged = 0 AND missing = 0
                """,
                cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Log.ExpiredPurged(logger, records, expired.Count);
        return records + expired.Count;
    }

    private static long ExpirationTime(DateTimeOffset timestamp, TimeSpan retention) =>
        (timestamp + retention).ToUnixTimeSeconds();

    /// <summary>Throws unless <paramref name="pipeline"/> is a configured pipeline, as the DynamoDB store does.</summary>
    private void ValidatePipeline(string pipeline)
    {
        PipelineIds.Validate(pipeline);
        var configured = analyticsOptions.Value.Pipelines;
        if (!configured.ContainsKey(pipeline))
        {
            throw new ArgumentException(
                $"Unknown pipeline '{pipeline}'. Configured: {string.Join(", ", configured.Keys)}.",
                nameof(pipeline));
        }
    }

    private static void ValidateEvents(IReadOnlyList<TrackingEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        for (var index = 0; index < events.Count; index++)
        {
            var problem = events[index] switch
            {
                null => "is null",
                { MessageId: var id } when string.IsNullOrWhiteSpace(id) => "has no messageId",
                { Recipient: var recipient } when string.IsNullOrWhiteSpace(recipient) => "has no recipient",
                _ => null,
            };
            if (problem is not null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"events[{index}] {problem}."), nameof(events));
            }
        }
    }

    private static async Task<bool> InsertAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string pipeline,
        TrackingEvent trackingEvent,
        long expirationTime,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var changed = await Sql.ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO tracking_events (
                pipeline, event_key, message_id, ses_event_type, email, timestamp_ms, sent_at_ms, campaign_id, month_year,
                expiration_time, stored_at_ms, tags, bounce_type, bounce_sub_type, complaint_feedback_type, link,
                user_agent, ip_address)
            VALUES (
                @pipeline, @key, @message, @type, @email, @timestamp, @sentAt, @campaign, @monthYear,
                @expiration, @storedAt, @tags, @bounceType, @bounceSubType, @feedbackType, @link,
                @userAgent, @ipAddress)
            ON CONFLICT (pipeline, event_key) DO NOTHING
            """,
            cancellationToken,
            ("@pipeline", pipeline),
            ("@key", trackingEvent.Key),
            ("@message", trackingEvent.MessageId),
            ("@type", trackingEvent.EventType.ToName()),
            ("@email", trackingEvent.Recipient),
            ("@timestamp", trackingEvent.Timestamp.ToUnixTimeMilliseconds()),
            ("@sentAt", trackingEvent.SentAt?.ToUnixTimeMilliseconds()),
            ("@campaign", trackingEvent.CampaignId),
            ("@monthYear", EventTimestamps.MonthYear(trackingEvent.Timestamp)),
            ("@expiration", expirationTime),
            ("@storedAt", now.ToUnixTimeMilliseconds()),
            ("@tags", JsonSerializer.Serialize(trackingEvent.Tags)),
            ("@bounceType", trackingEvent.BounceType),
            ("@bounceSubType", trackingEvent.BounceSubType),
            ("@feedbackType", trackingEvent.ComplaintFeedbackType),
            ("@link", trackingEvent.Link),
            ("@userAgent", trackingEvent.UserAgent),
            ("@ipAddress", trackingEvent.IpAddress));
        return changed == 1;
    }

    private static TrackingEvent ReadEvent(SqliteDataReader reader)
    {
        var typeName = reader.GetString(1);
        if (!SesEventTypeNames.TryParse(typeName, out var type))
        {
            throw new InvalidDataException($"The embedded database holds a record with the unknown event type '{typeName}'.");
        }

        return new TrackingEvent
        {
            MessageId = reader.GetString(0),
            EventType = type,
            Recipient = reader.GetString(2),
            Timestamp = UnixTime.FromMilliseconds(reader.GetInt64(3)),
            SentAt = reader.NullableInt64(4) is { } sentAt ? UnixTime.FromMilliseconds(sentAt) : null,
            CampaignId = reader.NullableString(5),
            Tags = JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6)) ?? [],
            BounceType = reader.NullableString(7),
            BounceSubType = reader.NullableString(8),
            ComplaintFeedbackType = reader.NullableString(9),
            Link = reader.NullableString(10),
            UserAgent = reader.NullableString(11),
            IpAddress = reader.NullableString(12),
        };
    }

    private static async Task UpdateSummaryAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string pipeline,
        string messageId,
        IEnumerable<TrackingEvent> newEvents,
        TimeSpan retention,
        CancellationToken cancellationToken)
    {
        var before = await ReadSummaryAsync(connection, transaction, pipeline, messageId, cancellationToken);
        var after = before ?? MessageSummary.Empty;
        foreach (var trackingEvent in newEvents)
        {
            after = after.With(trackingEvent, ExpirationTime(trackingEvent.Timestamp, retention));
        }

        // Counters change only when the message gains a type or a campaign, or moves to another day.
        var deltas = new CounterDeltas();
        if (before is not null)
        {
            deltas.Remove(before);
        }

        deltas.Add(after);
        await ApplyDeltasAsync(connection, transaction, pipeline, deltas, cancellationToken);

        await Sql.ExecuteAsync(
            connection,
            transaction,
            """
            INSERT INTO message_summaries (pipeline, message_id, sent_at_ms, sent_at_from_mail, types, expiration_time)
            VALUES (@pipeline, @message, @sentAt, @fromMail, @types, @expiration)
            ON CONFLICT (pipeline, message_id) DO UPDATE SET
                sent_at_ms = excluded.sent_at_ms,
                sent_at_from_mail = excluded.sent_at_from_mail,
                types = excluded.types,
                expiration_time = excluded.expiration_time
            """,
            cancellationToken,
            ("@pipeline", pipeline),
            ("@message", messageId),
            ("@sentAt", after.SentAtMs),
            ("@fromMail", after.SentAtFromMail ? 1 : 0),
            ("@types", after.Types),
            ("@expiration", after.ExpirationTime));

        foreach (var campaign in after.Campaigns.Where(c => before is null || !before.Campaigns.Contains(c)))
        {
            await Sql.ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO message_campaigns (pipeline, message_id, campaign_id) VALUES (@pipeline, @message, @campaign)
                ON CONFLICT DO NOTHING
                """,
                cancellationToken,
                ("@pipeline", pipeline),
                ("@message", messageId),
                ("@campaign", campaign));
        }
    }

    private static async Task<MessageSummary?> ReadSummaryAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string pipeline,
        string messageId,
        CancellationToken cancellationToken)
    {
        long sentAt;
        bool fromMail;
        int types;
        long expiration;
        await using (var command = Sql.Command(
            connection,
            transaction,
            """
            SELECT sent_at_ms, sent_at_from_mail, types, expiration_time FROM message_summaries
            WHERE pipeline = @pipeline AND message_id = @message
            """,
            ("@pipeline", pipeline),
            ("@message", messageId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            sentAt = reader.GetInt64(0);
            fromMail = reader.GetInt64(1) != 0;
            types = reader.GetInt32(2);
            expiration = reader.GetInt64(3);
        }

        var campaigns = new HashSet<string>(StringComparer.Ordinal);
        await using (var command = Sql.Command(
            connection,
            transaction,
            "SELECT campaign_id FROM message_campaigns WHERE pipeline = @pipeline AND message_id = @message",
            ("@pipeline", pipeline),
            ("@message", messageId)))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                campaigns.Add(reader.GetString(0));
            }
        }

        return new MessageSummary(sentAt, fromMail, types, expiration, campaigns);
    }

    private static async Task ApplyDeltasAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string pipeline,
        CounterDeltas deltas,
        CancellationToken cancellationToken)
    {
        foreach (var ((day, campaign), delta) in deltas.NonZero)
        {
            await Sql.ExecuteAsync(
                connection,
                transaction,
                $"""
                INSERT INTO daily_counts (pipeline, campaign, day, {CounterColumns})
                VALUES (@pipeline, @campaign, @day, @sent, @delivered, @opened, @clicked, @bounced, @complained, @rejected,
                    @engaged, @missing)
                ON CONFLICT (pipeline, campaign, day) DO UPDATE SET
                    sent = sent + excluded.sent,
                    delivered = delivered + excluded.delivered,
                    opened = opened + excluded.opened,
                    clicked = clicked + excluded.clicked,
                    bounced = bounced + excluded.bounced,
                    complained = complained + excluded.complained,
                    rejected = rejected + excluded.rejected,
                    engaged = engaged + excluded.engaged,
                    missing = missing + excluded.missing
                """,
                cancellationToken,
                ("@pipeline", pipeline),
                ("@campaign", campaign),
                ("@day", day),
                ("@sent", delta.Sent),
                ("@delivered", delta.Delivered),
                ("@opened", delta.Opened),
                ("@clicked", delta.Clicked),
                ("@bounced", delta.Bounced),
                ("@complained", delta.Complained),
                ("@rejected", delta.Rejected),
                ("@engaged", delta.Engaged),
                ("@missing", delta.Missing));
        }
    }

    private static async Task<MessageOutcomes> SumCountersAsync(
        SqliteConnection connection,
        SqliteTransaction? transaction,
        string pipeline,
        string campaign,
        long fromDay,
        long toDay,
        CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(
            connection,
            transaction,
            """
            SELECT COALESCE(SUM(sent), 0), COALESCE(SUM(delivered), 0), COALESCE(SUM(opened), 0), COALESCE(SUM(clicked), 0),
                COALESCE(SUM(bounced), 0), COALESCE(SUM(complained), 0), COALESCE(SUM(rejected), 0),
                COALESCE(SUM(engaged), 0), COALESCE(SUM(missing), 0)
            FROM daily_counts WHERE pipeline = @pipeline AND campaign = @campaign AND day >= @from AND day < @to
            """,
            ("@pipeline", pipeline),
            ("@campaign", campaign),
            ("@from", fromDay),
            ("@to", toDay));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new MessageOutcomes(
            reader.GetInt64(0),
            reader.GetInt64(1),
            reader.GetInt64(2),
            reader.GetInt64(3),
            reader.GetInt64(4),
            reader.GetInt64(5),
            reader.GetInt64(6),
            reader.GetInt64(7),
            reader.GetInt64(8));
    }

    /// <summary>Counts the messages sent in [from, to) from their summaries: used only for part-days.</summary>
    private static async Task<MessageOutcomes> CountSummariesAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string pipeline,
        string? campaignId,
        long fromMs,
        long toMs,
        CancellationToken cancellationToken)
    {
        var sql = """
            SELECT s.types, COUNT(*) FROM message_summaries s
            WHERE s.pipeline = @pipeline AND s.sent_at_ms >= @from AND s.sent_at_ms < @to
            """;
        if (campaignId is not null)
        {
            sql += """

                AND EXISTS (SELECT 1 FROM message_campaigns c
                    WHERE c.pipeline = s.pipeline AND c.message_id = s.message_id AND c.campaign_id = @campaign)
                """;
        }

        sql += " GROUP BY s.types";
        await using var command = Sql.Command(
            connection,
            transaction,
            sql,
            ("@pipeline", pipeline),
            ("@from", fromMs),
            ("@to", toMs),
            ("@campaign", campaignId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var total = MessageOutcomes.Zero;
        while (await reader.ReadAsync(cancellationToken))
        {
            total = total.Plus(MessageOutcomes.FromTypes(reader.GetInt32(0)).Times(reader.GetInt64(1)));
        }

        return total;
    }
}
