using System.Globalization;
using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws.DynamoDb;

/// <summary>What the DynamoDB store costs in calls, what its items hold, and how its counters recover.</summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class DynamoDbTrackingStoreTests : IDisposable
{
    private const string Pipeline = "outreach";
    private static readonly TimeWindow January = new(At("2026-01-01T00:00:00.000Z"), At("2026-02-01T00:00:00.000Z"));

    private readonly DynamoDbCallCounter _calls = new();
    private readonly AmazonDynamoDBClient _client;
    private readonly FakeTimeProvider _time = new(At("2026-03-01T12:00:00.000Z"));
    private readonly string _table = "tracking-" + Guid.NewGuid().ToString("N")[..16];

    public DynamoDbTrackingStoreTests(AwsEmulators emulators)
    {
        _client = DynamoDbEmulatorClient.Create(emulators, _calls);
    }

    [Fact]
    public async Task StoreAsync_BatchOfTenSingleRecipientMessages_MakesOneBatchWriteItemCall()
    {
        var store = await NewStoreAsync();
        var events = Enumerable.Range(0, 10)
            .Select(i => Event($"m-{i}", i % 2 == 0 ? SesEventType.Delivery : SesEventType.Open, $"2026-01-{13 + (i % 2)}T10:00:0{i}.000Z"))
            .ToList();
        _calls.Reset();

        await store.StoreAsync(Pipeline, events, default);

        Assert.Equal(1, _calls["BatchWriteItem"]);
        Assert.Equal(1, _calls.Total);
    }

    [Fact]
    public async Task StoreAsync_SixtyEvents_WritesChunksOf25()
    {
        var store = await NewStoreAsync();
        var events = Enumerable.Range(0, 60)
            .Select(i => Event($"m-{i:00}", SesEventType.Send, "2026-01-13T10:00:00.000Z"))
            .ToList();
        _calls.Reset();

        await store.StoreAsync(Pipeline, events, default);

        Assert.Equal(3, _calls["BatchWriteItem"]);
        Assert.Equal(3, _calls.Total);
        Assert.Equal(60, (await store.GetCountsAsync(Pipeline, January, null, default)).Sent);
    }

    [Fact]
    public async Task StoreAsync_SameEventTwiceInOneBatch_WritesItOnceInOneCall()
    {
        var store = await NewStoreAsync();
        var open = Event("m-1", SesEventType.Open, "2026-01-13T10:00:00.000Z");
        _calls.Reset();

        await store.StoreAsync(Pipeline, [open, open, open with { }], default);

        Assert.Equal(1, _calls["BatchWriteItem"]);
        Assert.Single((await store.QueryAsync(Pipeline, new TrackingQuery { Window = January }, default)).Items);
    }

    [Fact]
    public async Task StoreAsync_Event_ItemCarriesTheContractAttributes()
    {
        var store = await NewStoreAsync();
        var bounce = Event("m-1", SesEventType.Bounce, "2026-01-31T23:30:00.250Z", sentAt: "2026-01-31T23:00:00.000Z") with
        {
            BounceType = "Permanent",
            BounceSubType = "General",
        };

        await store.StoreAsync(Pipeline, [bounce], default);

        var item = (await _client.GetItemAsync(new GetItemRequest
        {
            TableName = _table,
            Key = new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "MSG#m-1" },
                ["sk"] = new() { S = "EVENT#BOUNCE#ana@example.com#2026-01-31T23:30:00.250Z" },
            },
        })).Item;
        Assert.Equal("m-1", item["messageId"].S);
        Assert.Equal("ana@example.com", item["email"].S);
        Assert.Equal("BOUNCE", item["sesEventType"].S);
        Assert.Equal("2026-01-31T23:30:00.250Z", item["timestamp"].S);
        Assert.Equal("JANUARY_2026", item["monthYear"].S);
        Assert.Equal(At("2026-05-01T23:30:00.250Z").ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), item["expirationTime"].N);
        Assert.Equal("spring-2026", item["campaignId"].S);
        Assert.Equal("spring-2026", item["tags"].M["campaign"].S);
        Assert.Equal("Permanent", item["bounceType"].S);
        Assert.Equal("2026-01-31T23:00:00.000Z", item["sentAt"].S);
        Assert.Equal("2026-01-31", item["sentDay"].S);
    }

    [Fact]
    public async Task GetCountsAsync_CurrentCounters_CostTwoQueriesWhateverTheNumberOfMessages()
    {
        var store = await NewStoreAsync();
        await StoreMessagesAsync(store, 10);
        var few = await CallsOfACurrentCountAsync(store, campaign: null);
        var fewForCampaign = await CallsOfACurrentCountAsync(store, campaign: "spring-2026");

        await StoreMessagesAsync(store, 300);
        var many = await CallsOfACurrentCountAsync(store, campaign: null);
        var manyForCampaign = await CallsOfACurrentCountAsync(store, campaign: "spring-2026");

        Assert.Equal(new Dictionary<string, int> { ["Query"] = 2 }, few);
        Assert.Equal(new Dictionary<string, int> { ["Query"] = 3 }, fewForCampaign);
        Assert.Equal(few, many);
        Assert.Equal(fewForCampaign, manyForCampaign);
    }

    [Fact]
    public async Task GetCountsAsync_WindowOfWholeHours_ReadsNoRecord()
    {
        var store = await NewStoreAsync();
        await StoreMessagesAsync(store, 20);
        _time.Advance(TimeSpan.FromMinutes(1));
        _ = await store.GetCountsAsync(Pipeline, TimeWindow.All, null, default);
        _calls.Reset();

        var hour = new TimeWindow(At("2026-01-13T10:00:00.000Z"), At("2026-01-13T11:00:00.000Z"));
        var counts = await store.GetCountsAsync(Pipeline, hour, null, default);
        var queries = _calls["Query"];
        _calls.Reset();
        var withMinutes = await store.GetCountsAsync(Pipeline, hour with { To = At("2026-01-13T11:00:05.000Z") }, null, default);

        Assert.Equal(10, counts.Sent);
        Assert.Equal(2, queries);
        Assert.Equal(11, withMinutes.Sent);
        Assert.Equal(3, _calls["Query"]);
    }

    [Fact]
    public async Task GetCountsAsync_CampaignItemOfAnotherGeneration_CountsTheDayAgain()
    {
        var store = await NewStoreAsync();
        await StoreMessagesAsync(store, 6);
        _time.Advance(TimeSpan.FromMinutes(1));
        var expected = await store.GetCountsAsync(Pipeline, January, "spring-2026", default);

        // What a count interrupted after its campaign items, or racing another count, can leave behind.
        await _client.PutItemAsync(new PutItemRequest
        {
            TableName = _table,
            Item = new Dictionary<string, AttributeValue>
            {
                ["pk"] = new() { S = "METRICS" },
                ["sk"] = new() { S = "CAMPAIGN#spring-2026#2026-01-13" },
                ["generation"] = new() { S = "0000000000000000001-interrupted" },
                ["hours"] = new() { S = "10:99,99,0,0,0,0,0,99,0" },
                ["expirationTime"] = new() { N = "99999999999" },
            },
        });
        _calls.Reset();
        var repaired = await store.GetCountsAsync(Pipeline, January, "spring-2026", default);
        var recounted = _calls.Snapshot();

        Assert.Equal(Counts(sent: 6, delivered: 6, engaged: 6), expected);
        Assert.Equal(expected, repaired);
        Assert.Equal(1, _calls["BatchWriteItem"]);
        Assert.True(recounted["Query"] >= 4, "the day is read from the index again");
    }

    [Fact]
    public async Task GetCountsAsync_DayItemMissingAfterInterruptedCount_CountsTheDayAgain()
    {
        var store = await NewStoreAsync();
        await StoreMessagesAsync(store, 4);
        _time.Advance(TimeSpan.FromMinutes(1));
        var expected = await store.GetCountsAsync(Pipeline, January, null, default);
        await _client.DeleteItemAsync(_table, new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = "METRICS" },
            ["sk"] = new() { S = "DAY#2026-01-13" },
        });

        var repaired = await store.GetCountsAsync(Pipeline, January, null, default);

        Assert.Equal(Counts(sent: 4, delivered: 4, engaged: 4), expected);
        Assert.Equal(expected, repaired);
    }

    [Fact]
    public async Task GetCountsAsync_EventsStoredWhileCountersWereCurrent_AreCountedAtTheNextRead()
    {
        var store = await NewStoreAsync();
        await StoreMessagesAsync(store, 3);
        _time.Advance(TimeSpan.FromMinutes(1));
        _ = await store.GetCountsAsync(Pipeline, January, null, default);
        _ = await store.GetCountsAsync(Pipeline, January, null, default);
        _time.Advance(TimeSpan.FromMinutes(1));

        var lateOpen = Event("m-late", SesEventType.Open, "2026-01-13T18:00:00.000Z", sentAt: "2026-01-13T10:30:00.000Z");
        await store.StoreAsync(Pipeline, [lateOpen], default);
        var counts = await store.GetCountsAsync(Pipeline, January, null, default);

        Assert.Equal(Counts(sent: 4, delivered: 3, opened: 1, engaged: 4), counts);
    }

    public void Dispose() => _client.Dispose();

    private async Task<DynamoDbTrackingStore> NewStoreAsync()
    {
        await DynamoDbTableSetup.EnsureTablesAsync(_client, [_table], "store-tests-suppression", CancellationToken.None);
        var options = new SesAnalyticsOptions();
        var pipeline = PipelineDefaults.OutreachPipeline();
        pipeline.Table = _table;
        options.Pipelines[Pipeline] = pipeline;
        return new DynamoDbTrackingStore(
            _client,
            Options.Create(options),
            Options.Create(new DynamoDbOptions()),
            new CursorProtector(RandomNumberGenerator.GetBytes(32)),
            _time,
            NullLogger<DynamoDbTrackingStore>.Instance);
    }

    /// <summary>Stores delivered messages sent on 13 January 2026, one every 6 minutes from 10:00 (up to 20), in batches of 10.</summary>
    private static async Task StoreMessagesAsync(DynamoDbTrackingStore store, int count)
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var events = Enumerable.Range(0, count)
            .Select(i => At("2026-01-13T10:00:00.000Z").AddMinutes(6 * (i % 20)))
            .Select((sentAt, i) => Event($"{id}-{i}", SesEventType.Delivery, EventTimestamps.Format(sentAt)))
            .ToList();
        foreach (var batch in events.Chunk(10))
        {
            await store.StoreAsync(Pipeline, batch, default);
        }
    }

    /// <summary>The calls of a count made while the counters are current (after one count brought them up to date).</summary>
    private async Task<IReadOnlyDictionary<string, int>> CallsOfACurrentCountAsync(DynamoDbTrackingStore store, string? campaign)
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        _ = await store.GetCountsAsync(Pipeline, January, campaign, default);
        _calls.Reset();
        _ = await store.GetCountsAsync(Pipeline, January, campaign, default);
        return _calls.Snapshot();
    }

    private static TrackingEvent Event(string messageId, SesEventType type, string at, string? sentAt = null) => new()
    {
        MessageId = messageId,
        EventType = type,
        Recipient = "ana@example.com",
        Timestamp = At(at),
        SentAt = At(sentAt ?? at),
        CampaignId = "spring-2026",
        Tags = new Dictionary<string, string> { ["campaign"] = "spring-2026" },
    };

    private static EngagementCounts Counts(long sent = 0, long delivered = 0, long opened = 0, long engaged = 0) =>
        new(sent, delivered, opened, 0, 0, 0, 0, engaged);

    private static DateTimeOffset At(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
}
