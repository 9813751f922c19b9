using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Tests.Reading;
using SesAnalytics.Tests.Security;

namespace SesAnalytics.Tests.Robustness;

/// <summary>
/// Nothing lost, nothing counted twice: duplicates, store failures, a crash between store and delete, and poison
/// messages, each written once and run on every provider set. The financial pipeline takes each body once, cleanly,
/// as the reference; the outreach pipeline takes the same bodies under the scenario's trouble.
/// </summary>
public abstract class QueueRobustnessScenarios
{
    private const string Reference = PipelineDefaults.Financial;
    private const string Troubled = PipelineDefaults.Outreach;
    private const int MessageInvalidEventId = 1102;

    protected abstract Task<ProviderSet> CreateProvidersAsync(ProviderSetOptions options);

    [Fact]
    public async Task Drain_EverySampleThreeTimesShuffled_StoresAndCountsWhatOneDeliveryDoes()
    {
        await using var providers = await CreateProvidersAsync(new ProviderSetOptions());
        await using var harness = DrainHarness.Create(providers);
        var bodies = SesSamples.All.Select(s => s.Body).ToArray();
        var repeated = bodies.Concat(bodies).Concat(bodies).ToArray();
        new Random(20260113).Shuffle(repeated);
        await harness.Queues.SendAsync(Reference, bodies, CancellationToken.None);
        await harness.Queues.SendAsync(Troubled, repeated, CancellationToken.None);

        await harness.DrainAsync(Reference);
        await harness.DrainAsync(Troubled);
        var once = await harness.SnapshotAsync(Reference);
        var thrice = await harness.SnapshotAsync(Troubled);

        AssertHoldsEachSampleEventOnce(once, SesSamples.All);
        AssertHoldsEachSampleEventOnce(thrice, SesSamples.All);
        Assert.Equal(once.Counts, thrice.Counts);
        Assert.True(once.Counts.Sent > 0, "The samples should count as sent messages.");
    }

    [Fact]
    public async Task Drain_StoreFailsAShareOfWrites_FailsLoudlyAndAfterRecoveryHoldsEachEventOnce()
    {
        await using var providers = await CreateProvidersAsync(new ProviderSetOptions(MaxReceiveCount: 10));
        await using var harness = DrainHarness.Create(
            providers,
            new Dictionary<string, string?> { ["SesAnalytics:Drain:ConcurrentReceivers"] = "1" });
        var samples = Storable();
        var bodies = samples.Select(s => s.Body).ToList();
        await harness.Queues.SendAsync(Reference, bodies, CancellationToken.None);
        await harness.Queues.SendAsync(Troubled, bodies, CancellationToken.None);
        await harness.DrainAsync(Reference);
        var faulty = new FaultInjectingTrackingStore(harness.Store, failureShare: 0.4, seed: 42);

        var failure = await Assert.ThrowsAsync<DrainFailedException>(
            () => harness.Drain(store: faulty).DrainAsync(Troubled, CancellationToken.None));
        var leftAfterFailure = await harness.PendingAsync(Troubled);
        faulty.Faulty = false;
        await harness.WaitForRedeliveryAsync();
        await harness.DrainUntilEmptyAsync(Troubled);
        var recovered = await harness.SnapshotAsync(Troubled);
        var reference = await harness.SnapshotAsync(Reference);
        var status = await harness.Queues.GetStatusAsync(Troubled, CancellationToken.None);

        Assert.True(faulty.FailuresBeforeWrite > 0 && faulty.FailuresAfterWrite > 0, "Both kinds of fault should have been injected.");
        Assert.True(failure.Report!.StoreFailures > 0);
        Assert.True(leftAfterFailure >= failure.Report.StoreFailures, "Refused messages must stay on the queue.");
        Assert.Equal(0, status.DeadLetters);
        AssertHoldsEachSampleEventOnce(recovered, samples);
        Assert.Equal(reference.IdentityKeys, recovered.IdentityKeys);
        Assert.Equal(reference.Counts, recovered.Counts);
    }

    [Fact]
    public async Task Drain_CrashAfterStoreBeforeDelete_RedeliveredMessagesChangeNothing()
    {
        await using var providers = await CreateProvidersAsync(new ProviderSetOptions(MaxReceiveCount: 10));
        await using var harness = DrainHarness.Create(providers);
        var samples = Storable();
        var bodies = samples.Select(s => s.Body).ToList();
        await harness.Queues.SendAsync(Reference, bodies, CancellationToken.None);
        await harness.Queues.SendAsync(Troubled, bodies, CancellationToken.None);
        await harness.DrainAsync(Reference);
        var crashing = new CrashingDeleteQueues(harness.Queues);

        await Assert.ThrowsAsync<InjectedFaultException>(
            () => harness.Drain(queues: crashing).DrainAsync(Troubled, CancellationToken.None));
        var afterCrash = await harness.SnapshotAsync(Troubled);
        var leftAfterCrash = await harness.PendingAsync(Troubled);
        await harness.WaitForRedeliveryAsync();
        var redelivery = await harness.DrainAsync(Troubled);
        var afterRedelivery = await harness.SnapshotAsync(Troubled);
        var reference = await harness.SnapshotAsync(Reference);

        Assert.Equal(1, crashing.Crashed);
        Assert.True(leftAfterCrash > 0, "The batch whose delete crashed should still be on the queue.");
        Assert.Equal(leftAfterCrash, redelivery.Received);
        Assert.Equal(0, await harness.PendingAsync(Troubled));
        Assert.Equal(afterCrash.IdentityKeys, afterRedelivery.IdentityKeys);
        Assert.Equal(afterCrash.Contents, afterRedelivery.Contents);
        Assert.Equal(afterCrash.Counts, afterRedelivery.Counts);
        Assert.Equal(reference.IdentityKeys, afterRedelivery.IdentityKeys);
        Assert.Equal(reference.Counts, afterRedelivery.Counts);
    }

    [Fact]
    public async Task Drain_PoisonMessagesInABatch_OthersStoredPoisonDeadLetteredAndLoggedWithoutBody()
    {
        await using var providers = await CreateProvidersAsync(new ProviderSetOptions(MaxReceiveCount: 2));
        await using var harness = DrainHarness.Create(
            providers,
            new Dictionary<string, string?> { ["SesAnalytics:Drain:ConcurrentReceivers"] = "1" });
        var good = SesSamples.All.Where(s => s.Status == "ok").Take(6).ToList();
        var delivery = SesSamples.All.Single(s => s.Name.EndsWith("awsdocs-delivery.json", StringComparison.Ordinal));
        var poison = PoisonMessages.Bodies(delivery.Body);
        var bodies = good.Select(s => s.Body).Take(3).Concat(poison).Concat(good.Select(s => s.Body).Skip(3)).ToList();
        await harness.Queues.SendAsync(Troubled, bodies, CancellationToken.None);

        var first = await harness.DrainAsync(Troubled);
        var afterFirst = await harness.SnapshotAsync(Troubled);
        var statusAfterFirst = await harness.Queues.GetStatusAsync(Troubled, CancellationToken.None);
        var drains = 1;
        while ((await harness.Queues.GetStatusAsync(Troubled, CancellationToken.None)).DeadLetters < poison.Count
               && drains < providers.MaxReceiveCount + 3)
        {
            await harness.WaitForRedeliveryAsync();
            await harness.DrainAsync(Troubled);
            drains++;
        }

        var status = await harness.Queues.GetStatusAsync(Troubled, CancellationToken.None);
        var deadLetters = await harness.Queues.ListDeadLettersAsync(Troubled, 10, includeBodies: false, CancellationToken.None);
        var logs = harness.Logs.GetSnapshot();
        var invalidLogs = logs.Where(r => r.Id.Id == MessageInvalidEventId).ToList();

        Assert.Equal(1, first.Batches);
        Assert.Equal(good.Count, first.Stored);
        Assert.Equal(poison.Count, first.Invalid);
        AssertHoldsEachSampleEventOnce(afterFirst, good);
        Assert.Equal(poison.Count, statusAfterFirst.Visible + statusAfterFirst.InFlight);
        Assert.Equal(0, statusAfterFirst.DeadLetters);
        Assert.Equal(new { Visible = 0L, InFlight = 0L, DeadLetters = (long)poison.Count },
            new { status.Visible, status.InFlight, status.DeadLetters });
        Assert.Equal(poison.Count, deadLetters.Count);
        Assert.All(deadLetters, d =>
        {
            Assert.True(d.ReceiveCount >= providers.MaxReceiveCount, $"Dead letter {d.MessageId} was received {d.ReceiveCount} time(s).");
            Assert.False(string.IsNullOrWhiteSpace(d.Reason));
            var logged = invalidLogs.Where(r => r.GetStructuredStateValue("QueueMessageId") == d.MessageId).ToList();
            Assert.NotEmpty(logged);
            Assert.All(logged, r => Assert.False(string.IsNullOrWhiteSpace(r.GetStructuredStateValue("Reason"))));
        });
        foreach (var secret in PoisonMessages.Markers.Concat(PoisonMessages.Addresses))
        {
            Assert.Empty(CapturedLogs.Containing(logs, secret));
        }
    }

    /// <summary>
    /// Samples that leave the queue when drained (stored or ignored), so an empty queue means done, without a second
    /// version of an event another sample already holds. Two sources reworded one documentation example, so the
    /// samples carry one complaint with two different details; SES itself resends an event unchanged. With both,
    /// a redelivery may legitimately switch the stored details (DynamoDB keeps the last write, SQLite the first).
    /// </summary>
    private static List<SesSample> Storable()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var storable = new List<SesSample>();
        foreach (var sample in SesSamples.All.Where(s => s.Status != "invalid"))
        {
            var versions = sample.Events.Select(e => (Key: SesSamples.IdentityKey(e), Content: EventComparison.Keys([e])[0])).ToList();
            if (versions.Any(v => seen.TryGetValue(v.Key, out var content) && content != v.Content))
            {
                continue;
            }

            foreach (var (key, content) in versions)
            {
                seen[key] = content;
            }

            storable.Add(sample);
        }

        return storable;
    }

    /// <summary>
    /// The snapshot holds each event of the samples exactly once, with the fields one of the samples gives it (two
    /// samples carry the same event with different details; whichever arrives first is kept).
    /// </summary>
    private static void AssertHoldsEachSampleEventOnce(TrackingSnapshot snapshot, IEnumerable<SesSample> samples)
    {
        var expected = samples.SelectMany(s => s.Events).ToList();
        var identities = expected.Select(SesSamples.IdentityKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var contents = EventComparison.Keys(expected).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(identities, snapshot.IdentityKeys);
        Assert.Equal(identities.Count, snapshot.Contents.Count);
        Assert.All(snapshot.Contents, c => Assert.Contains(c, contents));
    }
}
