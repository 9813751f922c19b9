using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Core.Suppression;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws.DynamoDb;

[Collection(AwsEmulatorsCollection.Name)]
public sealed class DynamoDbSuppressionListTests(AwsEmulators emulators) : IDisposable
{
    private static readonly DateTimeOffset Since = new(2026, 1, 13, 10, 0, 0, 123, TimeSpan.Zero);

    private readonly Amazon.DynamoDBv2.AmazonDynamoDBClient _client = DynamoDbEmulatorClient.Create(emulators);
    private readonly string _table = "suppression-" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task AddAsync_PipelineEntry_StopsOnlyThatPipeline()
    {
        var list = await NewListAsync();
        var entry = new SuppressionEntry("ana@example.com", "outreach", SuppressionReason.Unsubscribed, Since, "spring-2026");

        var added = await list.AddAsync(entry, default);

        Assert.True(added);
        Assert.Equal(entry, await list.FindAsync("outreach", "ana@example.com", default));
        Assert.Null(await list.FindAsync("financial", "ana@example.com", default));
        Assert.Null(await list.FindAsync("outreach", "ben@example.com", default));
    }

    [Fact]
    public async Task AddAsync_AllPipelinesEntry_StopsEveryPipeline()
    {
        var list = await NewListAsync();
        var entry = new SuppressionEntry("ana@example.com", SuppressionEntry.AllPipelines, SuppressionReason.HardBounce, Since, null);

        await list.AddAsync(entry, default);

        Assert.Equal(entry, await list.FindAsync("outreach", "ana@example.com", default));
        Assert.Equal(entry, await list.FindAsync("financial", "ana@example.com", default));
    }

    [Fact]
    public async Task AddAsync_SameAddressAndScopeAgain_KeepsTheFirstEntry()
    {
        var list = await NewListAsync();
        var first = new SuppressionEntry("ana@example.com", "outreach", SuppressionReason.HardBounce, Since, "spring-2026");
        var second = new SuppressionEntry("ana@example.com", "outreach", SuppressionReason.Complaint, Since.AddDays(3), "autumn-2026");

        var addedFirst = await list.AddAsync(first, default);
        var addedSecond = await list.AddAsync(second, default);

        Assert.True(addedFirst);
        Assert.False(addedSecond);
        Assert.Equal([first], await list.ListAsync("ana@example.com", default));
    }

    [Fact]
    public async Task AddAsync_MixedCaseAddress_IsFoundLowerCased()
    {
        var list = await NewListAsync();

        await list.AddAsync(new SuppressionEntry("Ana@Example.COM", "Outreach", SuppressionReason.Manual, Since, null), default);

        var found = await list.FindAsync("outreach", "ANA@example.com", default);
        Assert.Equal(new SuppressionEntry("ana@example.com", "outreach", SuppressionReason.Manual, Since, null), found);
    }

    [Fact]
    public async Task FindAsync_PipelineAndAllPipelinesEntries_ReturnsTheAllPipelinesEntry()
    {
        var list = await NewListAsync();
        var pipeline = new SuppressionEntry("ana@example.com", "outreach", SuppressionReason.Unsubscribed, Since, null);
        var all = new SuppressionEntry(
            "ana@example.com",
            SuppressionEntry.AllPipelines,
            SuppressionReason.Complaint,
            Since.AddDays(1),
            null);
        await list.AddAsync(pipeline, default);
        await list.AddAsync(all, default);

        var found = await list.FindAsync("outreach", "ana@example.com", default);
        var listed = await list.ListAsync("ana@example.com", default);

        Assert.Equal(all, found);
        Assert.Equal(2, listed.Count);
        Assert.Contains(pipeline, listed);
        Assert.Contains(all, listed);
    }

    [Fact]
    public async Task RemoveAsync_ExistingScope_RemovesOnlyThatScopeOnce()
    {
        var list = await NewListAsync();
        var outreach = new SuppressionEntry("ana@example.com", "outreach", SuppressionReason.Unsubscribed, Since, null);
        var financial = new SuppressionEntry("ana@example.com", "financial", SuppressionReason.Unsubscribed, Since, null);
        await list.AddAsync(outreach, default);
        await list.AddAsync(financial, default);

        var removed = await list.RemoveAsync("outreach", "ana@example.com", default);
        var removedAgain = await list.RemoveAsync("outreach", "ana@example.com", default);

        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Equal([financial], await list.ListAsync("ana@example.com", default));
    }

    [Fact]
    public async Task AddAsync_EmptyAddress_ThrowsArgumentException()
    {
        var list = await NewListAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(
            () => list.AddAsync(new SuppressionEntry(" ", "outreach", SuppressionReason.Manual, Since, null), default));
    }

    public void Dispose() => _client.Dispose();

    private async Task<DynamoDbSuppressionList> NewListAsync()
    {
        await DynamoDbTableSetup.EnsureTablesAsync(_client, [], _table, CancellationToken.None);
        return new DynamoDbSuppressionList(
            _client,
            Options.Create(new DynamoDbOptions { SuppressionTable = _table }),
            NullLogger<DynamoDbSuppressionList>.Instance);
    }
}
