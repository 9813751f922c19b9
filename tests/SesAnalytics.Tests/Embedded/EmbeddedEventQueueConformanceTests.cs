using SesAnalytics.Core.Providers;
using SesAnalytics.Embedded;
using SesAnalytics.Tests.Conformance;

namespace SesAnalytics.Tests.Embedded;

/// <summary>The queue conformance tests against the SQLite queues, on the real clock.</summary>
public sealed class EmbeddedEventQueueConformanceTests : EventQueueConformance
{
    private readonly TempFolder _folder = new();
    private EmbeddedHarness? _harness;

    protected override int MaxReceiveCount => 3;

    protected override Task<(IEventQueues Queues, string Pipeline)> CreateQueuesAsync()
    {
        _harness = EmbeddedHarness.Create(
            _folder.Path,
            TimeProvider.System,
            new Dictionary<string, string?> { [$"{EmbeddedOptions.SectionName}:MaxReceiveCount"] = "3" });
        return Task.FromResult((_harness.Queues, "outreach"));
    }

    protected override Task DisposeQueuesAsync()
    {
        _harness?.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
