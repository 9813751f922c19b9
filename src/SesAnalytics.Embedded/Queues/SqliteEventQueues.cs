using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Providers;
using SesAnalytics.Embedded.Storage;

namespace SesAnalytics.Embedded.Queues;

/// <summary>
/// Each pipeline's event queue and dead-letter queue as rows of one SQLite table, with SQS's rules: a received
/// message is invisible for the visibility timeout and comes back unless deleted; one received
/// <see cref="EmbeddedOptions.MaxReceiveCount"/> times and still not deleted moves to the dead-letter queue at its
/// next receive attempt. Messages survive restarts and are shared by every process using the data folder.
/// </summary>
internal sealed class SqliteEventQueues(
    EmbeddedDatabase database,
    IOptions<EmbeddedOptions> options,
    TimeProvider timeProvider,
    ILogger<SqliteEventQueues> logger) : IEventQueues
{
    /// <summary>Largest body SQS accepts (256 KiB).</summary>
    internal const int MaxBodyBytes = 262_144;

    /// <summary>Longest receive wait SQS allows.</summary>
    internal static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(20);

    /// <summary>Longest visibility SQS allows.</summary>
    internal static readonly TimeSpan MaxVisibility = TimeSpan.FromHours(12);

    /// <summary>How often a receive that waits looks for new messages.</summary>
    internal static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(
        string pipeline,
        int maxMessages,
        TimeSpan wait,
        CancellationToken cancellationToken)
    {
        PipelineIds.Validate(pipeline);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxMessages, 10);
        ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(wait, MaxWait);

        var deadline = timeProvider.GetUtcNow() + wait;
        while (true)
        {
            var received = await TryReceiveAsync(pipeline, maxMessages, cancellationToken);
            var remaining = deadline - timeProvider.GetUtcNow();
            if (received.Count > 0 || remaining <= TimeSpan.Zero)
            {
                return received;
            }

            await Task.Delay(remaining < PollInterval ? remaining : PollInterval, timeProvider, cancellationToken);
        }
    }

    public async Task DeleteAsync(string pipeline, IReadOnlyList<QueueMessage> messages, CancellationToken cancellationToken)
    {
        PipelineIds.Validate(pipeline);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        var deleted = 0;
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));

            // Only the latest receipt deletes, as on SQS: a late worker cannot delete a message someone else now holds.
            deleted += await Sql.ExecuteAsync(
                connection,
                transaction,
                """
                DELETE FROM queue_messages
                WHERE pipeline = @pipeline AND message_id = @id AND receipt_handle = @handle AND dead = 0
                """,
                cancellationToken,
                ("@pipeline", pipeline),
                ("@id", message.MessageId),
                ("@handle", message.ReceiptHandle));
        }

        await transaction.CommitAsync(cancellationToken);
        Log.MessagesDeleted(logger, pipeline, deleted, messages.Count);
    }

    public async Task ExtendVisibilityAsync(
        string pipeline,
        IReadOnlyList<QueueMessage> messages,
        TimeSpan visibility,
        CancellationToken cancellationToken)
    {
        PipelineIds.Validate(pipeline);
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentOutOfRangeException.ThrowIfLessThan(visibility, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(visibility, MaxVisibility);
        if (messages.Count == 0)
        {
            return;
        }

        var visibleAt = (timeProvider.GetUtcNow() + visibility).ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            await Sql.ExecuteAsync(
                connection,
                transaction,
                """
                UPDATE queue_messages SET visible_at_ms = @visibleAt
                WHERE pipeline = @pipeline AND message_id = @id AND receipt_handle = @handle AND dead = 0
                """,
                cancellationToken,
                ("@visibleAt", visibleAt),
                ("@pipeline", pipeline),
                ("@id", message.MessageId),
                ("@handle", message.ReceiptHandle));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public async Task RecordFailureAsync(string pipeline, QueueMessage message, string reason, CancellationToken cancellationToken)
    {
        PipelineIds.Validate(pipeline);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);

        await using var connection = await database.OpenAsync(cancellationToken);
        await Sql.ExecuteAsync(
            connection,
            null,
            "UPDATE queue_messages SET failure_reason = @reason WHERE pipeline = @pipeline AND message_id = @id",
            cancellationToken,
            ("@reason", reason),
            ("@pipeline", pipeline),
            ("@id", message.MessageId));
    }

    public async Task SendAsync(string pipeline, IReadOnlyList<string> bodies, CancellationToken cancellationToken)
    {
        PipelineIds.Validate(pipeline);
        ArgumentNullException.ThrowIfNull(bodies);
        for (var index = 0; index < bodies.Count; index++)
        {
            var problem = bodies[index] switch
            {
                null => "is null",
                "" => "is empty",
                var body when Encoding.UTF8.GetByteCount(body) > MaxBodyBytes => "is larger than 256 KiB",
                _ => null,
            };
            if (problem is not null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"bodies[{index}] {problem}."), nameof(bodies));
            }
        }

        if (bodies.Count == 0)
        {
            return;
        }

        var now = timeProvider.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        foreach (var body in bodies)
        {
            await Sql.ExecuteAsync(
                connection,
                transaction,
                """
                INSERT INTO queue_messages (message_id, pipeline, body, sent_at_ms, visible_at_ms, receive_count, dead)
                VALUES (@id, @pipeline, @body, @now, @now, 0, 0)
                """,
                cancellationToken,
                ("@id", Guid.CreateVersion7(now).ToString()),
                ("@pipeline", pipeline),
                ("@body", body),
                ("@now", nowMs));
        }

        await transaction.CommitAsync(cancellationToken);
        Log.MessagesSent(logger, pipeline, bodies.Count);
    }

    public async Task<QueueStatus> GetStatusAsync(string pipeline, CancellationToken cancellationToken)
    {
        PipelineIds.Validate(pipeline);
        var now = timeProvider.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            null,
            """
            SELECT
                COALESCE(SUM(CASE WHEN dead = 0 AND visible_at_ms <= @now THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN dead = 0 AND visible_at_ms > @now THEN 1 ELSE 0 END), 0),
                MIN(CASE WHEN dead = 0 THEN sent_at_ms END),
                COALESCE(SUM(dead), 0)
            FROM queue_messages WHERE pipeline = @pipeline
            """,
            ("@now", now.ToUnixTimeMilliseconds()),
            ("@pipeline", pipeline));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);

        // Like SQS's age of the oldest message: every message not deleted, in flight or not.
        TimeSpan? oldestAge = reader.NullableInt64(2) is { } oldest
            ? Max(TimeSpan.Zero, now - UnixTime.FromMilliseconds(oldest))
            : null;
        return new QueueStatus(reader.GetInt64(0), reader.GetInt64(1), oldestAge, reader.GetInt64(3));
    }

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(
        string pipeline,
        int maxMessages,
        bool includeBodies,
        CancellationToken cancellationToken)
    {
        PipelineIds.Validate(pipeline);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessages, 1);

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = Sql.Command(
            connection,
            null,
            """
            SELECT message_id, receive_count, failure_reason, CASE WHEN @bodies THEN body END FROM queue_messages
            WHERE pipeline = @pipeline AND dead = 1 ORDER BY dead_at_ms, seq LIMIT @limit
            """,
            ("@bodies", includeBodies),
            ("@pipeline", pipeline),
            ("@limit", maxMessages));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var deadLetters = new List<DeadLetter>();
        while (await reader.ReadAsync(cancellationToken))
        {
            deadLetters.Add(new DeadLetter(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.NullableString(2),
                reader.NullableString(3)));
        }

        return deadLetters;
    }

    public async Task<int> RedriveDeadLettersAsync(string pipeline, CancellationToken cancellationToken)
    {
        PipelineIds.Validate(pipeline);
        await using var connection = await database.OpenAsync(cancellationToken);

        // A redriven message starts over, as a message moved back by SQS does: no receives, no recorded failure.
        var moved = await Sql.ExecuteAsync(
            connection,
            null,
            """
            UPDATE queue_messages SET dead = 0, dead_at_ms = NULL, receive_count = 0, receipt_handle = NULL,
                failure_reason = NULL, visible_at_ms = @now
            WHERE pipeline = @pipeline AND dead = 1
            """,
            cancellationToken,
            ("@now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds()),
            ("@pipeline", pipeline));
        Log.DeadLettersRedriven(logger, pipeline, moved);
        return moved;
    }

    private static TimeSpan Max(TimeSpan left, TimeSpan right) => left > right ? left : right;

    private async Task<IReadOnlyList<QueueMessage>> TryReceiveAsync(
        string pipeline,
        int maxMessages,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var visibleAt = (now + options.Value.VisibilityTimeout).ToUnixTimeMilliseconds();
        var maxReceiveCount = options.Value.MaxReceiveCount;
        var received = new List<QueueMessage>();
        var deadLettered = 0;

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction();
        while (received.Count < maxMessages)
        {
            var wanted = maxMessages - received.Count;
            var candidates = await ReadVisibleAsync(connection, transaction, pipeline, nowMs, wanted, cancellationToken);
            if (candidates.Count == 0)
            {
                break;
            }

            foreach (var candidate in candidates)
            {
                if (candidate.ReceiveCount >= maxReceiveCount)
                {
                    await Sql.ExecuteAsync(
                        connection,
                        transaction,
                        "UPDATE queue_messages SET dead = 1, dead_at_ms = @now, receipt_handle = NULL WHERE seq = @seq",
                        cancellationToken,
                        ("@now", nowMs),
                        ("@seq", candidate.Seq));
                    deadLettered++;
                    continue;
                }

                var handle = Guid.NewGuid().ToString("N");
                await Sql.ExecuteAsync(
                    connection,
                    transaction,
                    """
                    UPDATE queue_messages SET receive_count = receive_count + 1, receipt_handle = @handle, visible_at_ms = @visibleAt
                    WHERE seq = @seq
                    """,
                    cancellationToken,
                    ("@handle", handle),
                    ("@visibleAt", visibleAt),
                    ("@seq", candidate.Seq));
                received.Add(new QueueMessage(
                    candidate.MessageId,
                    candidate.Body,
                    handle,
                    candidate.ReceiveCount + 1,
                    UnixTime.FromMilliseconds(candidate.SentAtMs)));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        if (deadLettered > 0)
        {
            Log.MessagesDeadLettered(logger, pipeline, deadLettered, maxReceiveCount);
        }

        return received;
    }

    private static async Task<List<Candidate>> ReadVisibleAsync(
        SqliteConnection connection,
        SqliteTransaction transaction,
        string pipeline,
        long nowMs,
        int limit,
        CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(
            connection,
            transaction,
            """
            SELECT seq, message_id, body, receive_count, sent_at_ms FROM queue_messages
            WHERE pipeline = @pipeline AND dead = 0 AND visible_at_ms <= @now
            ORDER BY seq LIMIT @limit
            """,
            ("@pipeline", pipeline),
            ("@now", nowMs),
            ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var candidates = new List<Candidate>();
        while (await reader.ReadAsync(cancellationToken))
        {
            candidates.Add(new Candidate(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetInt64(4)));
        }

        return candidates;
    }

    private sealed record Candidate(long Seq, string MessageId, string Body, int ReceiveCount, long SentAtMs);
}
