namespace SesAnalytics.Embedded.Storage;

/// <summary>How instants are stored: milliseconds since the Unix epoch, and UTC days numbered from it.</summary>
internal static class UnixTime
{
    public const long MillisecondsPerDay = 86_400_000;

    public static long ToMilliseconds(DateTimeOffset value) => value.ToUnixTimeMilliseconds();

    /// <summary>The first whole millisecond at or after <paramref name="value"/>, for inclusive and exclusive bounds alike.</summary>
    public static long CeilingMilliseconds(DateTimeOffset value)
    {
        var ticks = value.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return CeilingDivide(ticks, TimeSpan.TicksPerMillisecond);
    }

    public static DateTimeOffset FromMilliseconds(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);

    public static long Day(long milliseconds) => FloorDivide(milliseconds, MillisecondsPerDay);

    public static long Day(DateOnly day) => day.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static long FloorDivide(long value, long divisor)
    {
        var quotient = value / divisor;
        return value % divisor < 0 ? quotient - 1 : quotient;
    }

    public static long CeilingDivide(long value, long divisor)
    {
        var quotient = value / divisor;
        return value % divisor > 0 ? quotient + 1 : quotient;
    }
}
