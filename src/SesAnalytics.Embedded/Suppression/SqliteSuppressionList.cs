using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Embedded.Storage;

namespace SesAnalytics.Embedded.Suppression;

/// <summary>The suppression list in SQLite: one row per (address, scope), the scope a pipeline id or <c>*</c>.</summary>
internal sealed class SqliteSuppressionList(EmbeddedDatabase database) : ISuppressionList
{
    public async Task<SuppressionEntry?> FindAsync(string pipeline, string email, CancellationToken cancellationToken)
    {
        PipelineIds.Validate(pipeline);
        var address = Normalize(email);
        await using var connection = await database.OpenAsync(cancellationToken);

        // An all-pipelines entry (hard bounce, complaint) is the stronger reason, so it is the one reported.
        var entries = await ReadAsync(
            connection,
            """
            SELECT email, scope, reason, since_ms, campaign_id FROM suppressions
            WHERE email = @email AND scope IN (@pipeline, @all) ORDER BY scope = @all DESC LIMIT 1
            """,
            cancellationToken,
            ("@email", address),
            ("@pipeline", pipeline),
            ("@all", SuppressionEntry.AllPipelines));
        return entries.Count > 0 ? entries[0] : null;
    }

    public async Task<IReadOnlyList<SuppressionEntry>> ListAsync(string email, CancellationToken cancellationToken)
    {
        var address = Normalize(email);
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAsync(
            connection,
            "SELECT email, scope, reason, since_ms, campaign_id FROM suppressions WHERE email = @email ORDER BY scope",
            cancellationToken,
            ("@email", address));
    }

    public async Task<bool> AddAsync(SuppressionEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ValidateScope(entry.Scope);
        if (!Enum.IsDefined(entry.Reason))
        {
            throw new ArgumentException($"'{entry.Reason}' is not a suppression reason.", nameof(entry));
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        var added = await Sql.ExecuteAsync(
            connection,
            null,
            """
            INSERT INTO suppressions (email, scope, reason, since_ms, campaign_id) VALUES (@email, @scope, @reason, @since, @campaign)
            ON CONFLICT (email, scope) DO NOTHING
            """,
            cancellationToken,
            ("@email", Normalize(entry.Email)),
            ("@scope", entry.Scope),
            ("@reason", entry.Reason.ToString()),
            ("@since", entry.Since.ToUnixTimeMilliseconds()),
            ("@campaign", entry.CampaignId));
        return added > 0;
    }

    public async Task<bool> RemoveAsync(string scope, string email, CancellationToken cancellationToken)
    {
        ValidateScope(scope);
        await using var connection = await database.OpenAsync(cancellationToken);
        var removed = await Sql.ExecuteAsync(
            connection,
            null,
            "DELETE FROM suppressions WHERE email = @email AND scope = @scope",
            cancellationToken,
            ("@email", Normalize(email)),
            ("@scope", scope));
        return removed > 0;
    }

    private static string Normalize(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        return email.Trim().ToLowerInvariant();
    }

    private static void ValidateScope(string scope)
    {
        if (scope != SuppressionEntry.AllPipelines)
        {
            PipelineIds.Validate(scope, nameof(scope));
        }
    }

    private static async Task<IReadOnlyList<SuppressionEntry>> ReadAsync(
        Microsoft.Data.Sqlite.SqliteConnection connection,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Sql.Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var entries = new List<SuppressionEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var reasonName = reader.GetString(2);
            if (!Enum.TryParse<SuppressionReason>(reasonName, out var reason))
            {
                throw new InvalidDataException($"The embedded database holds the unknown suppression reason '{reasonName}'.");
            }

            entries.Add(new SuppressionEntry(
                reader.GetString(0),
                reader.GetString(1),
                reason,
                UnixTime.FromMilliseconds(reader.GetInt64(3)),
                reader.NullableString(4)));
        }

        return entries;
    }
}
