using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Tracking;
using SesAnalytics.Embedded.Storage;
using static SesAnalytics.Tests.Embedded.TrackingEvents;

namespace SesAnalytics.Tests.Embedded;

public sealed class SqliteTrackingStoreTests : IDisposable
{
    private const string Pipeline = "outreach";
    private static readonly TimeWindow January = new(new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2026, 2, 1, 0, 0, 0, TimeSpan.Zero));

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = EmbeddedHarness.NewClock();
    private readonly EmbeddedHarness _harness;

    public SqliteTrackingStoreTests() => _harness = EmbeddedHarness.Create(_folder.Path, _time);

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task StoreAsync_SameEventTwice_KeepsOneRecordAndCountsOnce()
    {
        var open = Sent("m1", SesEventType.Open, _time.GetUtcNow(), TimeSpan.FromMinutes(5));

        await _harness.Store.StoreAsync(Pipeline, [open, open], CancellationToken.None);
        await _harness.Store.StoreAsync(Pipeline, [open], CancellationToken.None);

        var page = await _harness.Store.QueryAsync(Pipeline, new TrackingQuery { Window = TimeWindow.All }, CancellationToken.None);
        Assert.Single(page.Items);
        var counts = await _harness.Store.GetCountsAsync(Pipeline, TimeWindow.All, null, CancellationToken.None);
        Assert.Equal(1, counts.Opened);
        Assert.Equal(1, counts.Sent);
    }

    [Fact]
    public async Task StoreAsync_DifferentEventsOfOneMessage_KeepsThemAll()
    {
        var sentAt = _time.GetUtcNow();
        TrackingEvent[] events =
        [
            Sent("m1", SesEventType.Send, sentAt),
            Sent("m1", SesEventType.Delivery, sentAt, TimeSpan.FromSeconds(2)),
            Sent("m1", SesEventType.Open, sentAt, TimeSpan.FromMinutes(1)),
            Sent("m1", SesEventType.Open, sentAt, TimeSpan.FromMinutes(2)),
            Sent("m1", SesEventType.Click, sentAt, TimeSpan.FromMinutes(2)),
        ];

        await _harness.Store.StoreAsync(Pipeline, events, CancellationToken.None);

        var page = await _harness.Store.QueryAsync(Pipeline, new TrackingQuery { Window = TimeWindow.All }, CancellationToken.None);
        Assert.Equal(events.Select(e => e.Key).Order(StringComparer.Ordinal), page.Items.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StoreAsync_Event_RecordCarriesEmailMonthYearAndExpirationTime()
    {
        var sentAt = new DateTimeOffset(2026, 1, 9, 23, 0, 0, TimeSpan.Zero);
        var click = Sent("m1", SesEventType.Click, sentAt, TimeSpan.FromHours(2), "bo@example.com", "spring") with
        {
            Link = "https://example.com/a",
            IpAddress = "192.0.2.1",
        };

        await _harness.Store.StoreAsync(Pipeline, [click], CancellationToken.None);

        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, EmbeddedDatabase.FileName)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT email, month_year, expiration_time, ses_event_type FROM tracking_events";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("bo@example.com", reader.GetString(0));
        Assert.Equal("JANUARY_2026", reader.GetString(1));
        Assert.Equal(new DateTimeOffset(2026, 4, 10, 1, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), reader.GetInt64(2));
        Assert.Equal("CLICK", reader.GetString(3));
    }

    [Fact]
    public async Task QueryAsync_Record_ReturnsEveryField()
    {
        var bounce = Sent("m1", SesEventType.Bounce, _time.GetUtcNow(), TimeSpan.FromSeconds(3), campaign: "spring") with
        {
            BounceType = "Permanent",
            BounceSubType = "General",
            Tags = new Dictionary<string, string> { ["campaign"] = "spring", ["segment"] = "smb" },
        };
        await _harness.Store.StoreAsync(Pipeline, [bounce], CancellationToken.None);

        var page = await _harness.Store.QueryAsync(Pipeline, new TrackingQuery { Window = TimeWindow.All }, CancellationToken.None);

        var item = Assert.Single(page.Items);
        Assert.Equal(bounce.Key, item.Key);
        Assert.Equal(bounce.SentAt, item.SentAt);
        Assert.Equal("spring", item.CampaignId);
        Assert.Equal("Permanent", item.BounceType);
        Assert.Equal("General", item.BounceSubType);
        Assert.Equal(bounce.Tags, item.Tags);
        Assert.Null(page.NextToken);
    }

    [Fact]
    public async Task QueryAsync_PagedWithCursor_ReturnsEveryRecordOnceInTimestampThenKeyOrder()
    {
        var at = _time.GetUtcNow();
        var events = Enumerable.Range(0, 11)
            .Select(i => Of($"m{i % 4}", SesEventType.Open, at + TimeSpan.FromSeconds(i / 3), recipient: $"r{i}@example.com"))
            .ToList();
        await _harness.Store.StoreAsync(Pipeline, events, CancellationToken.None);
        var query = new TrackingQuery { Window = TimeWindow.All, Limit = 3 };

        var seen = new List<TrackingEvent>();
        var pages = 0;
        do
        {
            var page = await _harness.Store.QueryAsync(Pipeline, query, CancellationToken.None);
            seen.AddRange(page.Items);
            pages++;
            query = query with { NextToken = page.NextToken };
        }
        while (query.NextToken is not null);

        Assert.Equal(4, pages);
        var expected = events.OrderBy(e => e.Timestamp).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key);
        Assert.Equal(expected, seen.Select(e => e.Key));
    }

    [Fact]
    public async Task QueryAsync_TamperedCursor_ThrowsInvalidNextToken()
    {
        var at = _time.GetUtcNow();
        await _harness.Store.StoreAsync(
            Pipeline,
            [Of("m1", SesEventType.Open, at), Of("m2", SesEventType.Open, at)],
            CancellationToken.None);
        var query = new TrackingQuery { Window = TimeWindow.All, Limit = 1 };
        var token = (await _harness.Store.QueryAsync(Pipeline, query, CancellationToken.None)).NextToken!;
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        await Assert.ThrowsAsync<InvalidNextTokenException>(
            () => _harness.Store.QueryAsync(Pipeline, query with { NextToken = tampered }, CancellationToken.None));
        await Assert.ThrowsAsync<InvalidNextTokenException>(
            () => _harness.Store.QueryAsync(Pipeline, query with { NextToken = "not a cursor!" }, CancellationToken.None));
    }

    [Fact]
    public async Task QueryAsync_CursorOfAnotherQuery_ThrowsInvalidNextToken()
    {
        var at = _time.GetUtcNow();
        await _harness.Store.StoreAsync(
            Pipeline,
            [Of("m1", SesEventType.Open, at), Of("m2", SesEventType.Open, at)],
            CancellationToken.None);
        var query = new TrackingQuery { Window = TimeWindow.All, Limit = 1 };
        var token = (await _harness.Store.QueryAsync(Pipeline, query, CancellationToken.None)).NextToken!;

        await Assert.ThrowsAsync<InvalidNextTokenException>(
            () => _harness.Store.QueryAsync(
                Pipeline,
                query with { NextToken = token, EventType = SesEventType.Open },
                CancellationToken.None));
        await Assert.ThrowsAsync<InvalidNextTokenException>(
            () => _harness.Store.QueryAsync("financial", query with { NextToken = token }, CancellationToken.None));
    }

    [Fact]
    public async Task QueryAsync_Filters_ReturnOnlyMatchingRecordsInWindow()
    {
        var at = _time.GetUtcNow();
        await _harness.Store.StoreAsync(
            Pipeline,
            [
                Of("m1", SesEventType.Open, at, recipient: "ana@example.com", campaign: "spring"),
                Of("m2", SesEventType.Click, at, recipient: "ana@example.com", campaign: "summer"),
                Of("m3", SesEventType.Open, at, recipient: "bo@example.com", campaign: "spring"),
                Of("m4", SesEventType.Open, at - TimeSpan.FromDays(2), recipient: "ana@example.com", campaign: "spring"),
            ],
            CancellationToken.None);
        await _harness.Store.StoreAsync("financial", [Of("m5", SesEventType.Open, at)], CancellationToken.None);
        var window = new TimeWindow(at - TimeSpan.FromDays(1), at + TimeSpan.FromDays(1));

        var store = _harness.Store;
        var byEmail = await store.QueryAsync(Pipeline, new() { Window = window, Email = "ANA@example.com" }, CancellationToken.None);
        var byCampaign = await store.QueryAsync(Pipeline, new() { Window = window, CampaignId = "spring" }, CancellationToken.None);
        var byType = await store.QueryAsync(Pipeline, new() { Window = window, EventType = SesEventType.Click }, CancellationToken.None);

        Assert.Equal(["m1", "m2"], byEmail.Items.Select(e => e.MessageId).Order());
        Assert.Equal(["m1", "m3"], byCampaign.Items.Select(e => e.MessageId).Order());
        Assert.Equal(["m2"], byType.Items.Select(e => e.MessageId));
    }

    [Fact]
    public async Task QueryAsync_WindowBounds_FromInclusiveToExclusive()
    {
        var at = _time.GetUtcNow();
        await _harness.Store.StoreAsync(
            Pipeline,
            [Of("m1", SesEventType.Open, at), Of("m2", SesEventType.Open, at + TimeSpan.FromMinutes(1))],
            CancellationToken.None);

        var page = await _harness.Store.QueryAsync(
            Pipeline,
            new() { Window = new TimeWindow(at, at + TimeSpan.FromMinutes(1)) },
            CancellationToken.None);

        Assert.Equal(["m1"], page.Items.Select(e => e.MessageId));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task QueryAsync_LimitOutOfRange_ThrowsNamingLimit(int limit)
    {
        var query = new TrackingQuery { Window = TimeWindow.All, Limit = limit };

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => _harness.Store.QueryAsync(Pipeline, query, CancellationToken.None));

        Assert.Contains("limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_RecordPastRetention_IsNotReturned()
    {
        var at = _time.GetUtcNow();
        await _harness.Store.StoreAsync(
            Pipeline,
            [Of("old", SesEventType.Open, at), Of("new", SesEventType.Open, at + TimeSpan.FromDays(10))],
            CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(91));
        var page = await _harness.Store.QueryAsync(Pipeline, new() { Window = TimeWindow.All }, CancellationToken.None);

        Assert.Equal(["new"], page.Items.Select(e => e.MessageId));
    }

    [Fact]
    public async Task StoreAsync_AfterRetention_PurgesExpiredRecordsAndTheirCounts()
    {
        var at = _time.GetUtcNow();
        await _harness.Store.StoreAsync(
            Pipeline,
            [Sent("old", SesEventType.Send, at), Sent("old", SesEventType.Delivery, at, TimeSpan.FromSeconds(1))],
            CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(91));

        await _harness.Store.StoreAsync(Pipeline, [Sent("new", SesEventType.Send, _time.GetUtcNow())], CancellationToken.None);

        Assert.Equal(1, await CountRowsAsync("tracking_events"));
        Assert.Equal(1, await CountRowsAsync("message_summaries"));
        var counts = await _harness.Store.GetCountsAsync(Pipeline, TimeWindow.All, null, CancellationToken.None);
        Assert.Equal(new EngagementCounts(1, 0, 0, 0, 0, 0, 0, 0), counts);
    }

    [Fact]
    public async Task StoreAsync_EventAlreadyPastRetention_IsNeitherKeptNorCounted()
    {
        var longAgo = _time.GetUtcNow() - TimeSpan.FromDays(120);

        await _harness.Store.StoreAsync(Pipeline, [Sent("m1", SesEventType.Send, longAgo)], CancellationToken.None);

        Assert.Equal(0, await CountRowsAsync("tracking_events"));
        Assert.Equal(EngagementCounts.Zero, await _harness.Store.GetCountsAsync(Pipeline, TimeWindow.All, null, CancellationToken.None));
    }

    [Fact]
    public async Task StoreAsync_ConfiguredRetention_SetsExpiry()
    {
        using var folder = new TempFolder();
        var settings = new Dictionary<string, string?> { ["SesAnalytics:Retention"] = "2.00:00:00" };
        using var harness = EmbeddedHarness.Create(folder.Path, _time, settings);
        var at = _time.GetUtcNow();
        await harness.Store.StoreAsync(Pipeline, [Of("m1", SesEventType.Open, at)], CancellationToken.None);

        _time.Advance(TimeSpan.FromDays(2));
        var page = await harness.Store.QueryAsync(Pipeline, new() { Window = TimeWindow.All }, CancellationToken.None);

        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task GetCountsAsync_RepeatedOpens_CountTheMessageOnce()
    {
        var sentAt = _time.GetUtcNow();
        var events = new List<TrackingEvent>
        {
            Sent("m1", SesEventType.Send, sentAt),
            Sent("m1", SesEventType.Delivery, sentAt, TimeSpan.FromSeconds(1)),
        };
        events.AddRange(Enumerable.Range(1, 5).Select(i => Sent("m1", SesEventType.Open, sentAt, TimeSpan.FromMinutes(i))));
        await _harness.Store.StoreAsync(Pipeline, events, CancellationToken.None);

        var counts = await _harness.Store.GetCountsAsync(Pipeline, January, null, CancellationToken.None);

        Assert.Equal(new EngagementCounts(1, 1, 1, 0, 0, 0, 0, 1), counts);
    }

    [Fact]
    public async Task GetCountsAsync_LateBounceAfterDelivery_CountsDeliveredAndBounced()
    {
        var sentAt = _time.GetUtcNow();
        await _harness.Store.StoreAsync(
            Pipeline,
            [Sent("m1", SesEventType.Send, sentAt), Sent("m1", SesEventType.Delivery, sentAt, TimeSpan.FromSeconds(1))],
            CancellationToken.None);

        await _harness.Store.StoreAsync(Pipeline, [Sent("m1", SesEventType.Bounce, sentAt, TimeSpan.FromDays(2))], CancellationToken.None);

        var counts = await _harness.Store.GetCountsAsync(Pipeline, January, null, CancellationToken.None);
        Assert.Equal(new EngagementCounts(1, 1, 0, 0, 1, 0, 0, 1), counts);
    }

    [Fact]
    public async Task GetCountsAsync_OpenInLaterMonth_CountsForTheSendMonth()
    {
        var sentAt = new DateTimeOffset(2026, 1, 31, 23, 0, 0, TimeSpan.Zero);
        var february = new TimeWindow(January.To, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        await _harness.Store.StoreAsync(
            Pipeline,
            [
                Sent("m1", SesEventType.Send, sentAt),
                Sent("m1", SesEventType.Delivery, sentAt, TimeSpan.FromSeconds(1)),
                Sent("m1", SesEventType.Open, sentAt, TimeSpan.FromDays(3)),
            ],
            CancellationToken.None);

        var inJanuary = await _harness.Store.GetCountsAsync(Pipeline, January, null, CancellationToken.None);
        var inFebruary = await _harness.Store.GetCountsAsync(Pipeline, february, null, CancellationToken.None);

        Assert.Equal(new EngagementCounts(1, 1, 1, 0, 0, 0, 0, 1), inJanuary);
        Assert.Equal(EngagementCounts.Zero, inFebruary);
    }

    [Fact]
    public async Task GetCountsAsync_Campaign_CountsMessagesWithAnyEventCarryingTheTag()
    {
        var sentAt = _time.GetUtcNow();
        await _harness.Store.StoreAsync(
            Pipeline,
            [
                Sent("tagged-late", SesEventType.Send, sentAt),
                Sent("tagged-late", SesEventType.Open, sentAt, TimeSpan.FromHours(1), campaign: "spring"),
                Sent("tagged", SesEventType.Send, sentAt, campaign: "spring"),
                Sent("other", SesEventType.Send, sentAt, campaign: "summer"),
                Sent("none", SesEventType.Send, sentAt),
            ],
            CancellationToken.None);

        var spring = await _harness.Store.GetCountsAsync(Pipeline, January, "spring", CancellationToken.None);
        var all = await _harness.Store.GetCountsAsync(Pipeline, January, null, CancellationToken.None);
        var unknown = await _harness.Store.GetCountsAsync(Pipeline, January, "winter", CancellationToken.None);

        Assert.Equal(new EngagementCounts(2, 0, 1, 0, 0, 0, 0, 1), spring);
        Assert.Equal(new EngagementCounts(4, 0, 1, 0, 0, 0, 0, 1), all);
        Assert.Equal(EngagementCounts.Zero, unknown);
    }

    [Fact]
    public async Task GetCountsAsync_EventsWithoutSend_CountAsSentButRejectAloneDoesNot()
    {
        var sentAt = _time.GetUtcNow();
        await _harness.Store.StoreAsync(
            Pipeline,
            [
                Sent("delivered-only", SesEventType.Delivery, sentAt, TimeSpan.FromSeconds(1)),
                Sent("delay-only", SesEventType.DeliveryDelay, sentAt, TimeSpan.FromSeconds(1)),
                Sent("rejected", SesEventType.Reject, sentAt),
            ],
            CancellationToken.None);

        var counts = await _harness.Store.GetCountsAsync(Pipeline, January, null, CancellationToken.None);

        Assert.Equal(new EngagementCounts(2, 1, 0, 0, 0, 0, 1, 3), counts);
    }

    [Fact]
    public async Task GetCountsAsync_NoMailTimestamp_UsesEarliestEventTimeUntilOneArrives()
    {
        var openAt = new DateTimeOffset(2026, 2, 2, 9, 0, 0, TimeSpan.Zero);
        var mailTimestamp = new DateTimeOffset(2026, 1, 30, 9, 0, 0, TimeSpan.Zero);
        var february = new TimeWindow(January.To, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        _time.SetUtcNow(openAt);
        await _harness.Store.StoreAsync(Pipeline, [Of("m1", SesEventType.Open, openAt)], CancellationToken.None);
        var before = await _harness.Store.GetCountsAsync(Pipeline, february, null, CancellationToken.None);

        var delivery = Sent("m1", SesEventType.Delivery, mailTimestamp, TimeSpan.FromSeconds(1));
        await _harness.Store.StoreAsync(Pipeline, [delivery], CancellationToken.None);

        Assert.Equal(new EngagementCounts(1, 0, 1, 0, 0, 0, 0, 1), before);
        Assert.Equal(EngagementCounts.Zero, await _harness.Store.GetCountsAsync(Pipeline, february, null, CancellationToken.None));
        Assert.Equal(
            new EngagementCounts(1, 1, 1, 0, 0, 0, 0, 1),
            await _harness.Store.GetCountsAsync(Pipeline, January, null, CancellationToken.None));
    }

    [Fact]
    public async Task GetCountsAsync_PartDayWindow_CountsOnlyMessagesSentInside()
    {
        var day = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        await _harness.Store.StoreAsync(
            Pipeline,
            [
                Sent("early", SesEventType.Send, day + TimeSpan.FromHours(3)),
                Sent("inside", SesEventType.Send, day + TimeSpan.FromHours(10)),
                Sent("inside", SesEventType.Open, day + TimeSpan.FromHours(10), TimeSpan.FromDays(1)),
                Sent("late", SesEventType.Send, day + TimeSpan.FromHours(20)),
            ],
            CancellationToken.None);

        var counts = await _harness.Store.GetCountsAsync(
            Pipeline,
            new TimeWindow(day + TimeSpan.FromHours(9), day + TimeSpan.FromHours(11)),
            null,
            CancellationToken.None);

        Assert.Equal(new EngagementCounts(1, 0, 1, 0, 0, 0, 0, 1), counts);
    }

    [Fact]
    public async Task GetCountsAsync_RandomMessagesAndWindows_MatchCountingEveryMessage()
    {
        var random = new Random(20260110);
        var types = SesEventTypeNames.All.ToArray();
        var campaigns = new[] { "spring", "summer", null };
        var origin = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _time.SetUtcNow(origin + TimeSpan.FromDays(12));
        var events = new List<TrackingEvent>();
        for (var message = 0; message < 300; message++)
        {
            var sentAt = origin + TimeSpan.FromMinutes(random.Next(0, 10 * 24 * 60));
            var withMailTimestamp = random.Next(4) > 0;
            for (var n = random.Next(1, 5); n > 0; n--)
            {
                var at = sentAt + TimeSpan.FromMinutes(random.Next(0, 3 * 24 * 60));
                events.Add(Of(
                    $"m{message}",
                    types[random.Next(types.Length)],
                    at,
                    withMailTimestamp ? sentAt : null,
                    campaign: campaigns[random.Next(campaigns.Length)]));
            }
        }

        foreach (var batch in events.OrderBy(_ => random.Next()).Chunk(37))
        {
            await _harness.Store.StoreAsync(Pipeline, batch, CancellationToken.None);
        }

        var windows = new List<TimeWindow> { TimeWindow.All, January, new(origin + TimeSpan.FromDays(2), origin + TimeSpan.FromDays(5)) };
        for (var i = 0; i < 25; i++)
        {
            var from = origin + TimeSpan.FromMinutes(random.Next(-600, 11 * 24 * 60));
            windows.Add(new TimeWindow(from, from + TimeSpan.FromMinutes(random.Next(1, 6 * 24 * 60))));
        }

        foreach (var window in windows)
        {
            foreach (var campaign in campaigns)
            {
                var actual = await _harness.Store.GetCountsAsync(Pipeline, window, campaign, CancellationToken.None);
                Assert.Equal(ExpectedCounts(events, window, campaign), actual);
            }
        }
    }

    [Fact]
    public async Task ReconcileAsync_Day_CountsOutcomesOfMessagesSentThatDay()
    {
        var day = new DateTimeOffset(2026, 1, 8, 0, 0, 0, TimeSpan.Zero);
        await _harness.Store.StoreAsync(
            Pipeline,
            [
                Sent("delivered", SesEventType.Send, day + TimeSpan.FromHours(1)),
                Sent("delivered", SesEventType.Delivery, day + TimeSpan.FromHours(1), TimeSpan.FromSeconds(1)),
                Sent("bounced", SesEventType.Send, day + TimeSpan.FromHours(2)),
                Sent("bounced", SesEventType.Bounce, day + TimeSpan.FromHours(2), TimeSpan.FromSeconds(1)),
                Sent("rejected", SesEventType.Send, day + TimeSpan.FromHours(3)),
                Sent("rejected", SesEventType.Reject, day + TimeSpan.FromHours(3)),
                Sent("lost", SesEventType.Send, day + TimeSpan.FromHours(4)),
                Sent("opened-only", SesEventType.Open, day + TimeSpan.FromHours(5), TimeSpan.FromHours(1)),
                Sent("next-day", SesEventType.Send, day + TimeSpan.FromHours(25)),
            ],
            CancellationToken.None);

        var result = await _harness.Store.ReconcileAsync(Pipeline, new DateOnly(2026, 1, 8), CancellationToken.None);

        Assert.Equal(new DailyReconciliation(new DateOnly(2026, 1, 8), Sent: 5, Delivered: 1, Bounced: 1, Rejected: 1, Missing: 2), result);
    }

    [Fact]
    public async Task GetActivityAsync_AfterStores_ReturnsWhenEachTypeWasLastStored()
    {
        var first = _time.GetUtcNow();
        await _harness.Store.StoreAsync(Pipeline, [Sent("m1", SesEventType.Send, first)], CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));
        await _harness.Store.StoreAsync(
            Pipeline,
            [Sent("m1", SesEventType.Delivery, first, TimeSpan.FromSeconds(1)), Sent("m2", SesEventType.Send, first)],
            CancellationToken.None);

        var activity = await _harness.Store.GetActivityAsync(Pipeline, CancellationToken.None);
        var other = await _harness.Store.GetActivityAsync("financial", CancellationToken.None);

        Assert.Equal(first + TimeSpan.FromMinutes(5), activity.LastStoredByType[SesEventType.Send]);
        Assert.Equal(first + TimeSpan.FromMinutes(5), activity.LastStoredByType[SesEventType.Delivery]);
        Assert.Equal(2, activity.LastStoredByType.Count);
        Assert.Empty(other.LastStoredByType);
    }

    [Fact]
    public async Task StoreAsync_NewStoreOverSameFolder_KeepsRecordsCountsAndCursors()
    {
        var sentAt = _time.GetUtcNow();
        await _harness.Store.StoreAsync(
            Pipeline,
            [Sent("m1", SesEventType.Send, sentAt), Sent("m2", SesEventType.Send, sentAt, TimeSpan.FromSeconds(1))],
            CancellationToken.None);
        var query = new TrackingQuery { Window = TimeWindow.All, Limit = 1 };
        var firstPage = await _harness.Store.QueryAsync(Pipeline, query, CancellationToken.None);

        using var restarted = EmbeddedHarness.Create(_folder.Path, _time);
        var secondPage = await restarted.Store.QueryAsync(Pipeline, query with { NextToken = firstPage.NextToken }, CancellationToken.None);
        var counts = await restarted.Store.GetCountsAsync(Pipeline, January, null, CancellationToken.None);

        Assert.Equal(["m2"], secondPage.Items.Select(e => e.MessageId));
        Assert.Equal(2, counts.Sent);
    }

    [Fact]
    public async Task StoreAsync_InvalidPipelineOrEvent_ThrowsNamingTheProblem()
    {
        var valid = Of("m1", SesEventType.Open, _time.GetUtcNow());

        var pipeline = await Assert.ThrowsAsync<ArgumentException>(
            () => _harness.Store.StoreAsync("Not a pipeline", [valid], CancellationToken.None));
        var recipient = await Assert.ThrowsAsync<ArgumentException>(
            () => _harness.Store.StoreAsync(Pipeline, [valid, valid with { Recipient = "" }], CancellationToken.None));

        Assert.Contains("pipeline id", pipeline.Message, StringComparison.Ordinal);
        Assert.Contains("events[1] has no recipient", recipient.Message, StringComparison.Ordinal);
    }

    /// <summary>The contract's metrics rules applied message by message, as a reference for the aggregates.</summary>
    private static EngagementCounts ExpectedCounts(IEnumerable<TrackingEvent> events, TimeWindow window, string? campaign)
    {
        var total = EngagementCounts.Zero;
        foreach (var message in events.GroupBy(e => e.MessageId))
        {
            var sentAt = message.Any(e => e.SentAt is not null) ? message.Min(e => e.SentAt!.Value) : message.Min(e => e.Timestamp);
            if (!window.Contains(sentAt) || (campaign is not null && !message.Any(e => e.CampaignId == campaign)))
            {
                continue;
            }

            var types = message.Select(e => e.EventType).ToHashSet();
            long Has(SesEventType type) => types.Contains(type) ? 1 : 0;
            total = total.Add(new EngagementCounts(
                types.Any(t => t == SesEventType.Send || t.IsDeliveryPath()) ? 1 : 0,
                Has(SesEventType.Delivery),
                Has(SesEventType.Open),
                Has(SesEventType.Click),
                Has(SesEventType.Bounce),
                Has(SesEventType.Complaint),
                Has(SesEventType.Reject),
                types.Any(t => t != SesEventType.Send) ? 1 : 0));
        }

        return total;
    }

    private async Task<long> CountRowsAsync(string table)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder.Path, EmbeddedDatabase.FileName)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
