namespace SesAnalytics.Tests.Robustness;

/// <summary>
/// A clock that starts at a chosen instant and runs at the real rate: timers, delays and timestamps behave as on
/// the system clock (so queue visibility timeouts still pass), only the wall-clock date differs.
/// </summary>
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan _offset = start - TimeProvider.System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _offset;
}
