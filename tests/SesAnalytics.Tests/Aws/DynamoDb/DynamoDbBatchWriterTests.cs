using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using SesAnalytics.Aws.DynamoDb;

namespace SesAnalytics.Tests.Aws.DynamoDb;

public sealed class DynamoDbBatchWriterTests
{
    private const string Table = "tracking";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly IAmazonDynamoDB _client = Substitute.For<IAmazonDynamoDB>();
    private readonly List<List<WriteRequest>> _requests = [];

    [Fact]
    public async Task WriteAsync_ItemLeftUnprocessed_RepeatsItWithTheMarkersStampedAgain()
    {
        Answer(call => call == 1 ? ["EVENT#2"] : []);
        var writer = Writer(maxAttempts: 3);

        var calls = await writer.WriteAsync(Table, [Item("EVENT#1"), Item("EVENT#2"), Item("EVENT#3")], Markers, default);

        Assert.Equal(2, calls);
        Assert.Equal(["EVENT#1", "EVENT#2", "EVENT#3", "DIRTY#2026-01-13"], SortKeys(_requests[0]));
        Assert.Equal(["EVENT#2", "DIRTY#2026-01-13"], SortKeys(_requests[1]));
        Assert.True(WrittenAt(_requests[1][1]) > WrittenAt(_requests[0][3]), "the repeated marker carries the time of its own call");
    }

    [Fact]
    public async Task WriteAsync_OnlyTheMarkerLeftUnprocessed_RepeatsTheMarker()
    {
        Answer(call => call == 1 ? ["DIRTY#2026-01-13"] : []);
        var writer = Writer(maxAttempts: 3);

        var calls = await writer.WriteAsync(Table, [Item("EVENT#1")], Markers, default);

        Assert.Equal(2, calls);
        Assert.Equal(["DIRTY#2026-01-13"], SortKeys(_requests[1]));
    }

    [Fact]
    public async Task WriteAsync_ItemsNeverProcessed_ThrowsAfterTheConfiguredAttempts()
    {
        Answer(_ => ["EVENT#1"]);
        var writer = Writer(maxAttempts: 3);

        var error = await Assert.ThrowsAsync<DynamoDbWriteIncompleteException>(
            () => writer.WriteAsync(Table, [Item("EVENT#1")], stamped: null, default));

        Assert.Equal(3, _requests.Count);
        Assert.Contains("'tracking'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_SlowCallCarryingMarkers_WritesTheMarkersAgainStampedAfterIt()
    {
        Answer(_ => [], call => TimeSpan.FromSeconds(call == 1 ? 6 : 1));
        var writer = Writer(maxAttempts: 3);

        var calls = await writer.WriteAsync(Table, [Item("EVENT#1"), Item("EVENT#2")], Markers, default);

        Assert.Equal(2, calls);
        Assert.Equal(["DIRTY#2026-01-13"], SortKeys(_requests[1]));
        Assert.Equal(TimeSpan.FromSeconds(6), TimeSpan.FromMilliseconds(WrittenAt(_requests[1][0]) - WrittenAt(_requests[0][2])));
    }

    [Fact]
    public async Task WriteAsync_CallsKeepBeingSlow_ThrowsOnceTheItemsAreStored()
    {
        Answer(_ => [], _ => TimeSpan.FromSeconds(6));
        var writer = Writer(maxAttempts: 3);

        await Assert.ThrowsAsync<DynamoDbWriteIncompleteException>(
            () => writer.WriteAsync(Table, [Item("EVENT#1")], Markers, default));

        Assert.Equal(3, _requests.Count);
        Assert.Equal(["EVENT#1", "DIRTY#2026-01-13"], SortKeys(_requests[0]));
    }

    [Fact]
    public async Task WriteAsync_SlowCallWithoutMarkers_IsNotRepeated()
    {
        Answer(_ => [], _ => TimeSpan.FromSeconds(30));
        var writer = Writer(maxAttempts: 3);

        var calls = await writer.WriteAsync(Table, [Item("EVENT#1")], stamped: null, default);

        Assert.Equal(1, calls);
    }

    [Theory]
    [InlineData(10, 1, new[] { 11 })]
    [InlineData(24, 1, new[] { 25 })]
    [InlineData(24, 3, new[] { 25, 2 })]
    [InlineData(40, 1, new[] { 25, 16 })]
    [InlineData(50, 1, new[] { 25, 25, 1 })]
    [InlineData(0, 1, new[] { 1 })]
    public async Task WriteAsync_ManyItems_SendsChunksOf25WithTheMarkersLast(int items, int markers, int[] expectedSizes)
    {
        Answer(_ => []);
        var writer = Writer(maxAttempts: 3);

        await writer.WriteAsync(
            Table,
            Enumerable.Range(0, items).Select(i => Item($"EVENT#{i:00}")).ToList(),
            at => Enumerable.Range(0, markers).Select(i => Marker(at, $"DIRTY#2026-01-{10 + i}")).ToList(),
            default);

        Assert.Equal(expectedSizes, _requests.Select(r => r.Count));
        Assert.Equal(
            Enumerable.Range(0, markers).Select(i => $"DIRTY#2026-01-{10 + i}"),
            _requests.SelectMany(SortKeys).Where(k => k.StartsWith("DIRTY#", StringComparison.Ordinal)));
        Assert.All(_requests.SelectMany(SortKeys).Take(items), k => Assert.StartsWith("EVENT#", k, StringComparison.Ordinal));
    }

    private BatchWriter Writer(int maxAttempts) =>
        new(
            _client,
            _time,
            new DynamoDbOptions { BatchWriteMaxAttempts = maxAttempts, BatchWriteRetryBaseDelay = TimeSpan.Zero },
            NullLogger.Instance);

    /// <summary>
    /// Answers each call (numbered from 1) leaving the items whose sort keys <paramref name="unprocessed"/> names, after
    /// <paramref name="duration"/> (one second unless given) on the clock.
    /// </summary>
    private void Answer(Func<int, string[]> unprocessed, Func<int, TimeSpan>? duration = null) =>
        _client.BatchWriteItemAsync(Arg.Any<BatchWriteItemRequest>(), Arg.Any<CancellationToken>()).Returns(call =>
        {
            var requests = call.Arg<BatchWriteItemRequest>().RequestItems[Table].ToList();
            _requests.Add(requests);
            _time.Advance(duration?.Invoke(_requests.Count) ?? TimeSpan.FromSeconds(1));
            var left = unprocessed(_requests.Count);
            return Task.FromResult(new BatchWriteItemResponse
            {
                UnprocessedItems = new Dictionary<string, List<WriteRequest>>
                {
                    [Table] = requests.Where(r => left.Contains(r.PutRequest.Item["sk"].S)).ToList(),
                },
            });
        });

    private static List<Dictionary<string, AttributeValue>> Markers(DateTimeOffset at) => [Marker(at, "DIRTY#2026-01-13")];

    private static Dictionary<string, AttributeValue> Marker(DateTimeOffset at, string sortKey) => new()
    {
        ["pk"] = new() { S = "METRICS" },
        ["sk"] = new() { S = sortKey },
        ["writtenAt"] = new() { N = at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
    };

    private static Dictionary<string, AttributeValue> Item(string sortKey) => new()
    {
        ["pk"] = new() { S = "MSG#m-1" },
        ["sk"] = new() { S = sortKey },
    };

    private static IEnumerable<string> SortKeys(List<WriteRequest> requests) => requests.Select(r => r.PutRequest.Item["sk"].S);

    private static long WrittenAt(WriteRequest request) =>
        long.Parse(request.PutRequest.Item["writtenAt"].N, CultureInfo.InvariantCulture);
}
