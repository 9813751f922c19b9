using SesAnalytics.Core.Suppression;

namespace SesAnalytics.Tests.Embedded;

public sealed class SqliteSuppressionListTests : IDisposable
{
    private static readonly DateTimeOffset Since = new(2026, 1, 5, 8, 30, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();
    private readonly EmbeddedHarness _harness;

    public SqliteSuppressionListTests() => _harness = EmbeddedHarness.Create(_folder.Path, EmbeddedHarness.NewClock());

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task FindAsync_PipelineScope_StopsOnlyThatPipeline()
    {
        await _harness.Suppressions.AddAsync(
            new SuppressionEntry("Ana@Example.com", "outreach", SuppressionReason.Unsubscribed, Since, "spring"),
            CancellationToken.None);

        var outreach = await _harness.Suppressions.FindAsync("outreach", "ana@example.com", CancellationToken.None);
        var financial = await _harness.Suppressions.FindAsync("financial", "ana@example.com", CancellationToken.None);

        Assert.Equal(new SuppressionEntry("ana@example.com", "outreach", SuppressionReason.Unsubscribed, Since, "spring"), outreach);
        Assert.Null(financial);
    }

    [Fact]
    public async Task FindAsync_AllPipelinesScope_StopsEveryPipelineAndWinsOverAPipelineEntry()
    {
        await _harness.Suppressions.AddAsync(
            new SuppressionEntry("ana@example.com", "outreach", SuppressionReason.Unsubscribed, Since, null),
            CancellationToken.None);
        await _harness.Suppressions.AddAsync(
            new SuppressionEntry("ana@example.com", SuppressionEntry.AllPipelines, SuppressionReason.HardBounce, Since, null),
            CancellationToken.None);

        var outreach = await _harness.Suppressions.FindAsync("outreach", "ANA@example.com", CancellationToken.None);
        var financial = await _harness.Suppressions.FindAsync("financial", "ana@example.com", CancellationToken.None);

        Assert.Equal(SuppressionReason.HardBounce, outreach?.Reason);
        Assert.Equal(SuppressionEntry.AllPipelines, financial?.Scope);
    }

    [Fact]
    public async Task AddAsync_SameAddressAndScopeAgain_KeepsTheFirstEntry()
    {
        var first = new SuppressionEntry("ana@example.com", "outreach", SuppressionReason.Unsubscribed, Since, null);

        var added = await _harness.Suppressions.AddAsync(first, CancellationToken.None);
        var again = await _harness.Suppressions.AddAsync(
            first with { Reason = SuppressionReason.Manual, Since = Since.AddDays(1) },
            CancellationToken.None);

        Assert.True(added);
        Assert.False(again);
        Assert.Equal([first], await _harness.Suppressions.ListAsync("ana@example.com", CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_OneScope_LiftsOnlyThatScope()
    {
        await _harness.Suppressions.AddAsync(
            new SuppressionEntry("ana@example.com", "outreach", SuppressionReason.Unsubscribed, Since, null),
            CancellationToken.None);
        await _harness.Suppressions.AddAsync(
            new SuppressionEntry("ana@example.com", "*", SuppressionReason.Complaint, Since, null),
            CancellationToken.None);

        var removed = await _harness.Suppressions.RemoveAsync("*", "Ana@example.com", CancellationToken.None);
        var removedAgain = await _harness.Suppressions.RemoveAsync("*", "ana@example.com", CancellationToken.None);

        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Equal(["outreach"], (await _harness.Suppressions.ListAsync("ana@example.com", CancellationToken.None)).Select(e => e.Scope));
    }

    [Fact]
    public async Task AddAsync_InvalidScope_ThrowsNamingTheScope()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _harness.Suppressions.AddAsync(
            new SuppressionEntry("ana@example.com", "All Pipelines", SuppressionReason.Manual, Since, null),
            CancellationToken.None));

        Assert.Equal("scope", error.ParamName);
    }
}
