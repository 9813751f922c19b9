using System.Globalization;

namespace SesAnalytics.Bench.Hosting;

/// <summary>Configuration keys the benchmarks set, as the app reads them.</summary>
internal static class BenchSettings
{
    /// <summary>A fixed key for unsubscribe tokens and cursors: nothing signed here leaves the run.</summary>
    public static readonly string SigningKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    public static Dictionary<string, string?> Drain(int concurrency, TimeSpan receiveWait) => new()
    {
        ["SesAnalytics:Drain:ConcurrentReceivers"] = concurrency.ToString(CultureInfo.InvariantCulture),
        ["SesAnalytics:Drain:ReceiveWait"] = receiveWait.ToString("c", CultureInfo.InvariantCulture),
        ["SesAnalytics:Drain:BatchSize"] = "10",
        ["SesAnalytics:Drain:TimeBudget"] = "00:09:00",
        ["SesAnalytics:UnsubscribeSigningKey"] = SigningKey,
    };
}
