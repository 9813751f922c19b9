using Microsoft.Extensions.Logging;

namespace SesAnalytics.Cli.Commands;

/// <summary>
/// Collects what the table setup reports through its logger: its Information messages are the changes it made
/// (table created, index added, TTL enabled), its warnings what it could not do.
/// </summary>
internal sealed class SetupActivityLog : ILogger
{
    private readonly Lock _gate = new();
    private readonly List<string> _changes = [];
    private readonly List<string> _warnings = [];

    public IReadOnlyList<string> Changes
    {
        get
        {
            lock (_gate)
            {
                return [.. _changes];
            }
        }
    }

    public IReadOnlyList<string> Warnings
    {
        get
        {
            lock (_gate)
            {
                return [.. _warnings];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && logLevel != LogLevel.None;

    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        var message = formatter(state, exception);
        lock (_gate)
        {
            (logLevel >= LogLevel.Warning ? _warnings : _changes).Add(message);
        }
    }
}
