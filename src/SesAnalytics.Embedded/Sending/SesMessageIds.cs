using System.Globalization;

namespace SesAnalytics.Embedded.Sending;

/// <summary>Message ids shaped like SES's: <c>0100</c>, the send time in hex milliseconds, a GUID and <c>-000000</c>.</summary>
internal static class SesMessageIds
{
    public static string Create(DateTimeOffset sentAt) => string.Create(
        CultureInfo.InvariantCulture,
        $"0100{sentAt.ToUnixTimeMilliseconds():x12}-{Guid.NewGuid():D}-000000");
}
