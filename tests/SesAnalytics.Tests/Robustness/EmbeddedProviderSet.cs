using System.Globalization;
using SesAnalytics.Tests.Embedded;

namespace SesAnalytics.Tests.Robustness;

/// <summary>The embedded (SQLite) providers in a data folder that is removed afterwards.</summary>
public sealed class EmbeddedProviderSet : ProviderSet
{
    private readonly TempFolder _data = new();
    private readonly ProviderSetOptions _options;

    public EmbeddedProviderSet(ProviderSetOptions options)
    {
        _options = options;
        Settings = new Dictionary<string, string?>
        {
            ["SesAnalytics:Embedded:DataPath"] = _data.Path,
            ["SesAnalytics:Embedded:VisibilityTimeout"] = options.Visibility.ToString("c", CultureInfo.InvariantCulture),
            ["SesAnalytics:Embedded:MaxReceiveCount"] = options.MaxReceiveCount.ToString(CultureInfo.InvariantCulture),
        };
    }

    public override IReadOnlyDictionary<string, string?> Settings { get; }

    public override TimeSpan VisibilityTimeout => _options.Visibility;

    public override int MaxReceiveCount => _options.MaxReceiveCount;

    public override ValueTask DisposeAsync()
    {
        _data.Dispose();
        return ValueTask.CompletedTask;
    }
}
