namespace SesAnalytics.Tests.EndToEnd;

/// <summary>Settings of an end-to-end host on the embedded providers.</summary>
internal static class EndToEndSettings
{
    /// <summary>Twenty years: the samples go back to 2014 and every one of their records must be kept.</summary>
    public const string LongRetention = "7300.00:00:00";

    /// <summary>
    /// The embedded providers over <paramref name="dataPath"/> with the long retention, then <paramref name="extra"/>.
    /// </summary>
    public static Dictionary<string, string?> For(string dataPath, params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["SesAnalytics:Embedded:DataPath"] = dataPath,
            ["SesAnalytics:Retention"] = LongRetention,
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }
}
