using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SesAnalytics.Embedded.Storage;

/// <summary>
/// The one SQLite file in the data folder. Every operation opens its own (pooled) connection, so the type is safe to
/// share between threads; WAL mode and a busy timeout let the app and the command line use the file at once.
/// </summary>
internal sealed class EmbeddedDatabase(IOptions<EmbeddedOptions> options, ILogger<EmbeddedDatabase> logger)
{
    public const string FileName = "sesanalytics.db";

    /// <summary>How long a statement waits for another process's write lock before it fails.</summary>
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private readonly Lock _initLock = new();
    private string? _connectionString;

    /// <summary>The data folder, as an absolute path.</summary>
    public string DataPath => Path.GetFullPath(options.Value.DataPath);

    public string FilePath => Path.Combine(DataPath, FileName);

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(EnsureInitialized());
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var pragmas = connection.CreateCommand();
            pragmas.CommandText = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private string EnsureInitialized()
    {
        if (Volatile.Read(ref _connectionString) is { } ready)
        {
            return ready;
        }

        lock (_initLock)
        {
            if (_connectionString is { } initialized)
            {
                return initialized;
            }

            Directory.CreateDirectory(DataPath);
            var connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = FilePath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Cache = SqliteCacheMode.Private,
                Pooling = true,
                DefaultTimeout = (int)BusyTimeout.TotalSeconds,
            }.ToString();

            using (var connection = new SqliteConnection(connectionString))
            {
                connection.Open();
                Schema.Apply(connection, BusyTimeout);
            }

            Log.DatabaseReady(logger, FilePath);
            Volatile.Write(ref _connectionString, connectionString);
            return connectionString;
        }
    }
}
