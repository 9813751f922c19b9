using SesAnalytics.Bench.Http;
using SesAnalytics.Core.Providers;

namespace SesAnalytics.Bench.Metrics;

/// <summary>A tracking store to load and query, and how to load it.</summary>
/// <param name="Name">The store, e.g. <c>embedded</c>.</param>
/// <param name="CreateStoreAsync">A fresh, empty store for one size (its own table or data folder).</param>
/// <param name="LoadParallelism">StoreAsync calls running at once while loading.</param>
/// <param name="EventsPerStore">Events per StoreAsync call while loading.</param>
/// <param name="Settle">
/// Wait after loading before the measured calls: the DynamoDB store trusts a day's counters only when they were
/// computed at least <c>DailyAggregates.Skew</c> after the day's last write, and counts the day again until then.
/// </param>
/// <param name="Calls">Counts the store's AWS calls, when it makes any.</param>
/// <param name="ProbeAsync">
/// A trivial call to the store's backend (a GetItem of a missing key on DynamoDB), timed beside the metrics calls so
/// the backend's own latency at each size can be told apart from the store's work.
/// </param>
internal sealed record MetricsTarget(
    string Name,
    Func<int, CancellationToken, Task<(ITrackingStore Store, IAsyncDisposable Lifetime)>> CreateStoreAsync,
    int LoadParallelism,
    int EventsPerStore,
    TimeSpan Settle,
    AwsCallCounter? Calls,
    Func<ITrackingStore, CancellationToken, Task>? ProbeAsync = null);
