using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Tests.Conformance;

/// <summary>
/// What every <see cref="ITrackingStore"/> must do (the contract's storage, query, expiry and metrics rules). A
/// provider's test class derives from this and returns a new, empty store from <see cref="CreateStoreAsync"/>.
/// </summary>
public abstract class TrackingStoreConformance
{
    protected const string Pipeline = "outreach";
    protected const string Campaign = "spring-2026";
    protected const string OtherCampaign = "autumn-2026";
    protected const string Ana = "ana@example.com";
    protected const string Ben = "ben@example.com";

    private static readonly TimeWindow January = Window("2026-01-01T00:00:00.000Z", "2026-02-01T00:00:00.000Z");
    private static readonly TimeWindow February = Window("2026-02-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z");

    /// <summary>The stores' clock: 1 March 2026, noon UTC, unless a test moves it.</summary>
    protected FakeTimeProvider Time { get; } = new(At("2026-03-01T12:00:00.000Z"));

    /// <summary>A new, empty store for the pipelines of <paramref name="options"/>, on the clock <paramref name="time"/>.</summary>
    protected abstract Task<ITrackingStore> CreateStoreAsync(SesAnalyticsOptions options, TimeProvider time);

    [Fact]
    public async Task StoreAsync_SameEventAgain_KeepsOneRecord()
    {
        var store = await NewStoreAsync();
        var open = Mail("m-1", "2026-01-13T10:00:00.000Z").Event(SesEventType.Open, "2026-01-13T11:00:00.000Z");

        await store.StoreAsync(Pipeline, [open], default);
        await store.StoreAsync(Pipeline, [open, open with { }], default);

        var page = await store.QueryAsync(Pipeline, new TrackingQuery { Window = January }, default);
        Assert.Equal([open.Key], page.Items.Select(e => e.Key));
    }

    [Fact]
    public async Task StoreAsync_DistinctEventsOfOneMessage_KeepsEveryOne()
    {
        var store = await NewStoreAsync();
        var mail = Mail("m-1", "2026-01-13T10:00:00.000Z");
        var events = new[]
        {
            mail.Event(SesEventType.Send),
            mail.Event(SesEventType.Delivery, "2026-01-13T10:00:02.000Z"),
            mail.Event(SesEventType.Open, "2026-01-13T11:00:00.000Z"),
            mail.Event(SesEventType.Open, "2026-01-13T11:05:00.000Z"),
            mail.Event(SesEventType.Click, "2026-01-13T11:06:00.000Z"),
            mail.Event(SesEventType.Bounce, "2026-01-13T12:00:00.000Z"),
        };

        await store.StoreAsync(Pipeline, events, default);

        var page = await store.QueryAsync(Pipeline, new TrackingQuery { Window = January }, default);
        Assert.Equal(events.Select(e => e.Key), page.Items.Select(e => e.Key));
    }

    [Fact]
    public async Task StoreAsync_EventWithEveryField_ReturnsItUnchanged()
    {
        var store = await NewStoreAsync();
        var click = new TrackingEvent
        {
            MessageId = "0100018d-aaaa-bbbb-cccc-000000",
            EventType = SesEventType.Click,
            Recipient = Ana,
            Timestamp = At("2026-01-13T11:06:07.890Z"),
            SentAt = At("2026-01-13T10:00:00.123Z"),
            CampaignId = Campaign,
            Tags = new Dictionary<string, string> { ["campaign"] = Campaign, ["segment"] = "smb" },
            Link = "https://example.com/offer?x=1",
            UserAgent = "Mozilla/5.0",
            IpAddress = "192.0.2.10",
        };
        var bounce = new TrackingEvent
        {
            MessageId = "0100018d-dddd-eeee-ffff-000000",
            EventType = SesEventType.Bounce,
            Recipient = Ben,
            Timestamp = At("2026-01-14T08:00:00.000Z"),
            SentAt = At("2026-01-14T07:59:58.000Z"),
            BounceType = "Permanent",
            BounceSubType = "General",
        };
        var complaint = new TrackingEvent
        {
            MessageId = "0100018d-9999-8888-7777-000000",
            EventType = SesEventType.Complaint,
            Recipient = Ben,
            Timestamp = At("2026-01-15T08:00:00.000Z"),
            ComplaintFeedbackType = "abuse",
        };

        await store.StoreAsync(Pipeline, [click, bounce, complaint], default);

        var items = (await store.QueryAsync(Pipeline, new TrackingQuery { Window = January }, default)).Items;
        Assert.Equal(3, items.Count);
        AssertSame(click, items[0]);
        AssertSame(bounce, items[1]);
        AssertSame(complaint, items[2]);
    }

    [Fact]
    public async Task StoreAsync_UnknownPipeline_ThrowsArgumentException()
    {
        var store = await NewStoreAsync();
        var send = Mail("m-1", "2026-01-13T10:00:00.000Z").Event(SesEventType.Send);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => store.StoreAsync("no-such-pipeline", [send], default));
    }

    [Fact]
    public async Task QueryAsync_Window_IncludesFromAndExcludesTo()
    {
        var store = await NewStoreAsync();
        var mail = Mail("m-1", "2026-01-10T00:00:00.000Z");
        await store.StoreAsync(
            Pipeline,
            [
                mail.Event(SesEventType.Open, "2026-01-13T09:59:59.999Z"),
                mail.Event(SesEventType.Open, "2026-01-13T10:00:00.000Z"),
                mail.Event(SesEventType.Open, "2026-01-13T10:59:59.999Z"),
                mail.Event(SesEventType.Open, "2026-01-13T11:00:00.000Z"),
            ],
            default);

        var page = await store.QueryAsync(
            Pipeline,
            new TrackingQuery { Window = Window("2026-01-13T10:00:00.000Z", "2026-01-13T11:00:00.000Z") },
            default);

        Assert.Equal(["2026-01-13T10:00:00.000Z", "2026-01-13T10:59:59.999Z"], page.Items.Select(e => EventTimestamps.Format(e.Timestamp)));
        Assert.Null(page.NextToken);
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z")]
    [InlineData("2025-10-01T00:00:00.000Z", "2026-05-01T00:00:00.000Z")]
    public async Task QueryAsync_EventsStoredOutOfOrderAcrossMonths_ReturnsThemByTimestamp(string from, string to)
    {
        var store = await NewStoreAsync();
        var times = new[]
        {
            "2026-02-14T08:00:00.000Z", "2026-01-05T08:00:00.000Z", "2026-02-01T00:00:00.000Z",
            "2026-01-31T23:59:59.999Z", "2026-01-20T12:00:00.000Z", "2026-02-28T23:00:00.000Z",
        };
        await store.StoreAsync(
            Pipeline,
            times.Select((t, i) => Mail($"m-{i}", t).Event(SesEventType.Send)).ToList(),
            default);

        var page = await store.QueryAsync(Pipeline, new TrackingQuery { Window = Window(from, to) }, default);

        Assert.Equal(times.Order(StringComparer.Ordinal), page.Items.Select(e => EventTimestamps.Format(e.Timestamp)));
    }

    [Fact]
    public async Task QueryAsync_EmailFilter_ReturnsOnlyThatRecipient()
    {
        var store = await NewStoreAsync();
        var ana = Mail("m-ana", "2026-01-13T10:00:00.000Z", recipient: Ana);
        var ben = Mail("m-ben", "2026-01-13T10:00:01.000Z", recipient: Ben);
        await store.StoreAsync(
            Pipeline,
            [ana.Event(SesEventType.Send), ben.Event(SesEventType.Send), ana.Event(SesEventType.Open, "2026-02-02T10:00:00.000Z")],
            default);

        var page = await store.QueryAsync(
            Pipeline,
            new TrackingQuery { Window = Window("2026-01-01T00:00:00.000Z", "2026-03-01T00:00:00.000Z"), Email = Ana },
            default);

        Assert.Equal([SesEventType.Send, SesEventType.Open], page.Items.Select(e => e.EventType));
        Assert.All(page.Items, e => Assert.Equal(Ana, e.Recipient));
    }

    [Fact]
    public async Task QueryAsync_CampaignFilter_ReturnsOnlyThatCampaign()
    {
        var store = await NewStoreAsync();
        await store.StoreAsync(
            Pipeline,
            [
                Mail("m-1", "2026-01-13T10:00:00.000Z").Event(SesEventType.Send),
                Mail("m-2", "2026-01-13T10:00:01.000Z", campaign: OtherCampaign).Event(SesEventType.Send),
                Mail("m-3", "2026-01-13T10:00:02.000Z", campaign: null).Event(SesEventType.Send),
            ],
            default);

        var page = await store.QueryAsync(Pipeline, new TrackingQuery { Window = January, CampaignId = OtherCampaign }, default);

        Assert.Equal(["m-2"], page.Items.Select(e => e.MessageId));
    }

    [Fact]
    public async Task QueryAsync_EventTypeFilter_ReturnsOnlyThatType()
    {
        var store = await NewStoreAsync();
        var mail = Mail("m-1", "2026-01-13T10:00:00.000Z");
        await store.StoreAsync(
            Pipeline,
            [
                mail.Event(SesEventType.Send),
                mail.Event(SesEventType.Delivery, "2026-01-13T10:00:03.000Z"),
                mail.Event(SesEventType.Open, "2026-01-13T12:00:00.000Z"),
            ],
            default);

        var page = await store.QueryAsync(Pipeline, new TrackingQuery { Window = January, EventType = SesEventType.Delivery }, default);

        Assert.Equal([SesEventType.Delivery], page.Items.Select(e => e.EventType));
    }

    [Fact]
    public async Task QueryAsync_AllFiltersTogether_ReturnsRecordsMatchingEach()
    {
        var store = await NewStoreAsync();
        var anaSpring = Mail("m-1", "2026-01-13T10:00:00.000Z", recipient: Ana);
        var anaAutumn = Mail("m-2", "2026-01-13T10:01:00.000Z", campaign: OtherCampaign, recipient: Ana);
        var benSpring = Mail("m-3", "2026-01-13T10:02:00.000Z", recipient: Ben);
        await store.StoreAsync(
            Pipeline,
            [
                anaSpring.Event(SesEventType.Send), anaSpring.Event(SesEventType.Open, "2026-01-14T09:00:00.000Z"),
                anaAutumn.Event(SesEventType.Open, "2026-01-14T09:01:00.000Z"),
                benSpring.Event(SesEventType.Open, "2026-01-14T09:02:00.000Z"),
            ],
            default);

        var page = await store.QueryAsync(
            Pipeline,
            new TrackingQuery { Window = January, Email = Ana, CampaignId = Campaign, EventType = SesEventType.Open },
            default);

        Assert.Equal(["m-1"], page.Items.Select(e => e.MessageId));
        Assert.Equal([SesEventType.Open], page.Items.Select(e => e.EventType));
    }

    public enum PagingFilter
    {
        None,
        Email,
        Campaign,
        EventType,
    }

    [Theory]
    [InlineData(1, PagingFilter.None, false)]
    [InlineData(7, PagingFilter.None, false)]
    [InlineData(7, PagingFilter.None, true)]
    [InlineData(4, PagingFilter.Email, false)]
    [InlineData(3, PagingFilter.Campaign, true)]
    [InlineData(2, PagingFilter.EventType, false)]
    [InlineData(500, PagingFilter.None, false)]
    public async Task QueryAsync_PagingThroughAllPages_ReturnsEveryRecordOnceInOrder(int limit, PagingFilter filter, bool longWindow)
    {
        var store = await NewStoreAsync();
        var events = new List<TrackingEvent>();
        var start = At("2026-01-29T00:00:00.000Z");
        for (var i = 0; i < 30; i++)
        {
            var mail = Mail(
                $"m-{i:00}",
                EventTimestamps.Format(start.AddHours(7 * i)),
                campaign: i % 3 == 0 ? OtherCampaign : Campaign,
                recipient: i % 2 == 0 ? Ana : Ben);
            events.Add(mail.Event(i % 4 == 0 ? SesEventType.Open : SesEventType.Send));
        }

        await store.StoreAsync(Pipeline, events.Take(17).ToList(), default);
        await store.StoreAsync(Pipeline, events.Skip(17).ToList(), default);
        var query = new TrackingQuery
        {
            Window = longWindow
                ? Window("2025-09-01T00:00:00.000Z", "2026-06-01T00:00:00.000Z")
                : Window("2026-01-29T00:00:00.000Z", "2026-03-01T00:00:00.000Z"),
            Limit = limit,
            Email = filter == PagingFilter.Email ? Ben : null,
            CampaignId = filter == PagingFilter.Campaign ? OtherCampaign : null,
            EventType = filter == PagingFilter.EventType ? SesEventType.Open : null,
        };
        var expected = events
            .Where(e => query.Email is null || e.Recipient == query.Email)
            .Where(e => query.CampaignId is null || e.CampaignId == query.CampaignId)
            .Where(e => query.EventType is null || e.EventType == query.EventType)
            .Select(e => e.Key)
            .ToList();

        var pages = await AllPagesAsync(store, query);

        Assert.Equal(expected, pages.SelectMany(p => p.Items).Select(e => e.Key));
        Assert.All(pages.SkipLast(1), p => Assert.Equal(limit, p.Items.Count));
        Assert.NotEmpty(pages[^1].Items);
        Assert.Null(pages[^1].NextToken);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task QueryAsync_LimitOutsideOneTo500_ThrowsArgumentOutOfRange(int limit)
    {
        var store = await NewStoreAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => store.QueryAsync(Pipeline, new TrackingQuery { Window = January, Limit = limit }, default));
    }

    [Fact]
    public async Task QueryAsync_TamperedNextToken_ThrowsInvalidNextToken()
    {
        var store = await NewStoreAsync();
        await StoreSendsAsync(store, 5);
        var query = new TrackingQuery { Window = January, Limit = 2 };
        var token = (await store.QueryAsync(Pipeline, query, default)).NextToken!;
        var middle = token.Length / 2;
        var tampered = string.Concat(token.AsSpan(0, middle), token[middle] == 'A' ? "B" : "A", token.AsSpan(middle + 1));

        await Assert.ThrowsAsync<InvalidNextTokenException>(
            () => store.QueryAsync(Pipeline, query with { NextToken = tampered }, default));
        await Assert.ThrowsAsync<InvalidNextTokenException>(
            () => store.QueryAsync(Pipeline, query with { NextToken = "not-a-token" }, default));
    }

    [Fact]
    public async Task QueryAsync_NextTokenOfAnotherQuery_ThrowsInvalidNextToken()
    {
        var store = await NewStoreAsync();
        await StoreSendsAsync(store, 5);
        var query = new TrackingQuery { Window = January, Limit = 2 };
        var token = (await store.QueryAsync(Pipeline, query, default)).NextToken!;

        await Assert.ThrowsAsync<InvalidNextTokenException>(
            () => store.QueryAsync(Pipeline, query with { EventType = SesEventType.Send, NextToken = token }, default));
        await Assert.ThrowsAsync<InvalidNextTokenException>(
            () => store.QueryAsync(Pipeline, query with { Window = February, NextToken = token }, default));
        await Assert.ThrowsAsync<InvalidNextTokenException>(
            () => store.QueryAsync(Pipeline, query with { Email = Ana, NextToken = token }, default));
    }

    [Fact]
    public async Task QueryAsync_RecordsPastRetention_AreNeitherReturnedNorCounted()
    {
        var store = await NewStoreAsync(retention: TimeSpan.FromDays(1));
        var now = Time.GetUtcNow();
        var mail = Mail("m-1", EventTimestamps.Format(now.AddHours(-2)));
        var delivery = mail.Event(SesEventType.Delivery, EventTimestamps.Format(now.AddHours(-1)));
        await store.StoreAsync(Pipeline, [mail.Event(SesEventType.Send), delivery], default);
        var window = new TimeWindow(now.AddDays(-1), now.AddDays(1));
        var day = DateOnly.FromDateTime(now.AddHours(-2).UtcDateTime);
        Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, (await store.QueryAsync(Pipeline, new TrackingQuery { Window = window }, default)).Items.Count);
        Assert.Equal(Counts(sent: 1, delivered: 1, engaged: 1), await store.GetCountsAsync(Pipeline, window, null, default));

        Time.Advance(TimeSpan.FromHours(22) + TimeSpan.FromMinutes(30));
        var afterSendExpired = await store.QueryAsync(Pipeline, new TrackingQuery { Window = window }, default);
        Time.Advance(TimeSpan.FromHours(2));
        var afterAllExpired = await store.QueryAsync(Pipeline, new TrackingQuery { Window = window }, default);
        var byEmail = await store.QueryAsync(Pipeline, new TrackingQuery { Window = window, Email = mail.Recipient }, default);
        var counts = await store.GetCountsAsync(Pipeline, window, null, default);
        var all = await store.GetCountsAsync(Pipeline, TimeWindow.All, null, default);
        var reconciliation = await store.ReconcileAsync(Pipeline, day, default);

        Assert.Equal([SesEventType.Delivery], afterSendExpired.Items.Select(e => e.EventType));
        Assert.Empty(afterAllExpired.Items);
        Assert.Empty(byEmail.Items);
        Assert.Equal(EngagementCounts.Zero, counts);
        Assert.Equal(EngagementCounts.Zero, all);
        Assert.Equal(new DailyReconciliation(day, 0, 0, 0, 0, 0), reconciliation);
    }

    [Fact]
    public async Task GetCountsAsync_MessageOpenedFiveTimes_CountsOneOpen()
    {
        var store = await NewStoreAsync();
        var mail = Mail("m-1", "2026-01-13T10:00:00.000Z");
        var events = new List<TrackingEvent>
        {
            mail.Event(SesEventType.Send),
            mail.Event(SesEventType.Delivery, "2026-01-13T10:00:02.000Z"),
        };
        events.AddRange(Enumerable.Range(0, 5).Select(i => mail.Event(SesEventType.Open, $"2026-01-1{4 + i}T08:00:00.000Z")));
        await store.StoreAsync(Pipeline, events, default);

        var counts = await store.GetCountsAsync(Pipeline, January, null, default);

        Assert.Equal(Counts(sent: 1, delivered: 1, opened: 1, engaged: 1), counts);
    }

    [Fact]
    public async Task GetCountsAsync_BounceAfterDelivery_CountsDeliveredAndBounced()
    {
        var store = await NewStoreAsync();
        var mail = Mail("m-1", "2026-01-13T10:00:00.000Z");
        var delivery = mail.Event(SesEventType.Delivery, "2026-01-13T10:00:02.000Z");
        await store.StoreAsync(Pipeline, [mail.Event(SesEventType.Send), delivery], default);
        await store.StoreAsync(Pipeline, [mail.Event(SesEventType.Bounce, "2026-01-13T16:00:00.000Z")], default);

        var counts = await store.GetCountsAsync(Pipeline, January, null, default);

        Assert.Equal(Counts(sent: 1, delivered: 1, bounced: 1, engaged: 1), counts);
    }

    [Fact]
    public async Task GetCountsAsync_OpenInLaterMonth_CountsForTheSendMonth()
    {
        var store = await NewStoreAsync();
        var mail = Mail("m-1", "2026-01-31T23:00:00.000Z");
        await store.StoreAsync(
            Pipeline,
            [
                mail.Event(SesEventType.Send),
                mail.Event(SesEventType.Delivery, "2026-01-31T23:00:02.000Z"),
                mail.Event(SesEventType.Open, "2026-02-02T09:00:00.000Z"),
            ],
            default);

        var january = await store.GetCountsAsync(Pipeline, January, null, default);
        var february = await store.GetCountsAsync(Pipeline, February, null, default);

        Assert.Equal(Counts(sent: 1, delivered: 1, opened: 1, engaged: 1), january);
        Assert.Equal(EngagementCounts.Zero, february);
    }

    [Theory]
    [InlineData(SesEventType.Delivery)]
    [InlineData(SesEventType.Bounce)]
    [InlineData(SesEventType.Complaint)]
    [InlineData(SesEventType.Open)]
    [InlineData(SesEventType.Click)]
    [InlineData(SesEventType.DeliveryDelay)]
    public async Task GetCountsAsync_DeliveryPathEventWithoutSend_CountsMessageAsSent(SesEventType type)
    {
        var store = await NewStoreAsync();
        await store.StoreAsync(Pipeline, [Mail("m-1", "2026-01-13T10:00:00.000Z").Event(type, "2026-01-13T10:05:00.000Z")], default);

        var counts = await store.GetCountsAsync(Pipeline, January, null, default);

        Assert.Equal(1, counts.Sent);
        Assert.Equal(1, counts.EngagementEvents);
    }

    [Theory]
    [InlineData(SesEventType.Reject)]
    [InlineData(SesEventType.RenderingFailure)]
    public async Task GetCountsAsync_OnlyEventOutsideDeliveryPath_DoesNotCountMessageAsSent(SesEventType type)
    {
        var store = await NewStoreAsync();
        await store.StoreAsync(Pipeline, [Mail("m-1", "2026-01-13T10:00:00.000Z").Event(type)], default);

        var counts = await store.GetCountsAsync(Pipeline, January, null, default);

        Assert.Equal(Counts(rejected: type == SesEventType.Reject ? 1 : 0, engaged: 1), counts);
    }

    [Fact]
    public async Task GetCountsAsync_CampaignTagOnLaterEventOnly_CountsMessageForThatCampaign()
    {
        var store = await NewStoreAsync();
        var untagged = Mail("m-1", "2026-01-13T10:00:00.000Z", campaign: null);
        var tagged = untagged with { Campaign = Campaign };
        await store.StoreAsync(
            Pipeline,
            [
                untagged.Event(SesEventType.Send),
                untagged.Event(SesEventType.Delivery, "2026-01-13T10:00:02.000Z"),
                tagged.Event(SesEventType.Open, "2026-01-14T08:00:00.000Z"),
            ],
            default);

        var campaign = await store.GetCountsAsync(Pipeline, January, Campaign, default);
        var other = await store.GetCountsAsync(Pipeline, January, OtherCampaign, default);
        var all = await store.GetCountsAsync(Pipeline, January, null, default);

        Assert.Equal(Counts(sent: 1, delivered: 1, opened: 1, engaged: 1), campaign);
        Assert.Equal(EngagementCounts.Zero, other);
        Assert.Equal(campaign, all);
    }

    [Fact]
    public async Task GetCountsAsync_TwoCampaigns_CountsEachOnItsOwn()
    {
        var store = await NewStoreAsync();
        var spring = Mail("m-1", "2026-01-13T10:00:00.000Z");
        var autumn1 = Mail("m-2", "2026-01-13T11:00:00.000Z", campaign: OtherCampaign);
        var autumn2 = Mail("m-3", "2026-01-20T11:00:00.000Z", campaign: OtherCampaign);
        await store.StoreAsync(
            Pipeline,
            [
                spring.Event(SesEventType.Send), spring.Event(SesEventType.Click, "2026-01-13T12:00:00.000Z"),
                autumn1.Event(SesEventType.Send), autumn1.Event(SesEventType.Complaint, "2026-01-13T12:00:00.000Z"),
                autumn2.Event(SesEventType.Send),
            ],
            default);

        var springCounts = await store.GetCountsAsync(Pipeline, January, Campaign, default);
        var autumnCounts = await store.GetCountsAsync(Pipeline, January, OtherCampaign, default);
        var all = await store.GetCountsAsync(Pipeline, January, null, default);

        Assert.Equal(Counts(sent: 1, clicked: 1, engaged: 1), springCounts);
        Assert.Equal(Counts(sent: 2, complained: 1, engaged: 1), autumnCounts);
        Assert.Equal(Counts(sent: 3, clicked: 1, complained: 1, engaged: 2), all);
    }

    [Theory]
    [InlineData("2026-01-13T10:00:00.000Z", "2026-01-14T06:00:00.000Z", 6, 1)]
    [InlineData("2026-01-13T10:30:00.000Z", "2026-01-13T10:31:00.000Z", 1, 1)]
    [InlineData("2026-01-13T10:15:00.000Z", "2026-01-14T05:30:00.000Z", 4, 1)]
    [InlineData("2026-01-13T00:00:00.000Z", "2026-01-14T00:00:00.000Z", 5, 1)]
    [InlineData("2026-01-13T09:59:59.999Z", "2026-01-13T10:00:00.000Z", 1, 0)]
    [InlineData("2026-01-13T10:30:15.250Z", "2026-01-13T14:00:00.000Z", 1, 1)]
    [InlineData("2026-01-13T23:00:00.000Z", "2026-01-14T00:30:00.000Z", 2, 0)]
    [InlineData("2026-01-14T05:45:00.001Z", "2026-01-20T00:00:00.000Z", 0, 0)]
    public async Task GetCountsAsync_WindowNotAlignedToDays_CountsMessagesSentInside(string from, string to, long sent, long opened)
    {
        var store = await NewStoreAsync();
        var sendTimes = new[]
        {
            "2026-01-13T09:59:59.999Z", "2026-01-13T10:00:00.000Z", "2026-01-13T10:30:15.250Z", "2026-01-13T14:00:00.000Z",
            "2026-01-13T23:59:59.999Z", "2026-01-14T00:00:00.000Z", "2026-01-14T05:45:00.000Z",
        };
        var events = new List<TrackingEvent>();
        foreach (var (time, i) in sendTimes.Select((t, i) => (t, i)))
        {
            var mail = Mail($"m-{i}", time);
            events.Add(mail.Event(SesEventType.Send));
            events.Add(mail.Event(SesEventType.Delivery, EventTimestamps.Format(At(time).AddSeconds(2))));
        }

        events.Add(Mail("m-2", sendTimes[2]).Event(SesEventType.Open, "2026-01-21T08:00:00.000Z"));
        await store.StoreAsync(Pipeline, events, default);
        Time.Advance(TimeSpan.FromMinutes(1));
        _ = await store.GetCountsAsync(Pipeline, TimeWindow.All, null, default);

        var counts = await store.GetCountsAsync(Pipeline, Window(from, to), null, default);

        Assert.Equal(Counts(sent: sent, delivered: sent, opened: opened, engaged: sent), counts);
    }

    [Fact]
    public async Task GetCountsAsync_CampaignWithWindowNotAlignedToDays_CountsOnlyThatCampaign()
    {
        var store = await NewStoreAsync();
        await store.StoreAsync(
            Pipeline,
            [
                Mail("m-1", "2026-01-13T12:00:00.000Z", campaign: OtherCampaign).Event(SesEventType.Send),
                Mail("m-2", "2026-01-13T12:30:00.000Z").Event(SesEventType.Send),
                Mail("m-3", "2026-01-13T12:40:00.000Z", campaign: OtherCampaign).Event(SesEventType.Send),
                Mail("m-4", "2026-01-14T12:00:00.000Z", campaign: OtherCampaign).Event(SesEventType.Send),
            ],
            default);
        var window = Window("2026-01-13T10:15:00.000Z", "2026-01-13T12:35:00.000Z");

        var counts = await store.GetCountsAsync(Pipeline, window, OtherCampaign, default);

        Assert.Equal(Counts(sent: 1), counts);
    }

    [Fact]
    public async Task GetCountsAsync_OnlySendEvents_CountsNoEngagementEvents()
    {
        var store = await NewStoreAsync();
        await StoreSendsAsync(store, 3);

        var counts = await store.GetCountsAsync(Pipeline, January, null, default);

        Assert.Equal(Counts(sent: 3), counts);
    }

    [Fact]
    public async Task GetCountsAsync_MoreEventsArriveAfterACount_CountsThemToo()
    {
        var store = await NewStoreAsync();
        var first = Mail("m-1", "2026-01-13T10:00:00.000Z");
        var second = Mail("m-2", "2026-01-13T11:00:00.000Z");
        await store.StoreAsync(Pipeline, [first.Event(SesEventType.Send)], default);
        Time.Advance(TimeSpan.FromMinutes(1));
        var before = await store.GetCountsAsync(Pipeline, January, null, default);
        var beforeAgain = await store.GetCountsAsync(Pipeline, January, null, default);

        await store.StoreAsync(
            Pipeline,
            [first.Event(SesEventType.Open, "2026-02-20T10:00:00.000Z"), second.Event(SesEventType.Delivery)],
            default);
        var after = await store.GetCountsAsync(Pipeline, January, null, default);
        Time.Advance(TimeSpan.FromMinutes(5));
        var later = await store.GetCountsAsync(Pipeline, January, null, default);
        var laterCampaign = await store.GetCountsAsync(Pipeline, January, Campaign, default);
        await store.StoreAsync(Pipeline, [second.Event(SesEventType.Bounce, "2026-02-20T10:05:00.000Z")], default);
        Time.Advance(TimeSpan.FromMinutes(5));
        var last = await store.GetCountsAsync(Pipeline, January, Campaign, default);

        Assert.Equal(Counts(sent: 1), before);
        Assert.Equal(before, beforeAgain);
        Assert.Equal(Counts(sent: 2, delivered: 1, opened: 1, engaged: 2), after);
        Assert.Equal(after, later);
        Assert.Equal(after, laterCampaign);
        Assert.Equal(Counts(sent: 2, delivered: 1, opened: 1, bounced: 1, engaged: 2), last);
    }

    [Fact]
    public async Task GetCountsAsync_AllWindow_CountsEveryRetainedMessage()
    {
        var store = await NewStoreAsync();
        await store.StoreAsync(
            Pipeline,
            [
                Mail("m-1", "2025-12-10T10:00:00.000Z").Event(SesEventType.Send),
                Mail("m-2", "2026-02-10T10:00:00.000Z").Event(SesEventType.Delivery),
                Mail("m-3", "2026-03-01T11:00:00.000Z").Event(SesEventType.Open),
            ],
            default);

        var counts = await store.GetCountsAsync(Pipeline, TimeWindow.All, null, default);

        Assert.Equal(Counts(sent: 3, delivered: 1, opened: 1, engaged: 2), counts);
    }

    [Fact]
    public async Task GetCountsAsync_EventsWithoutSentAt_CountFromTheEarliestEvent()
    {
        var store = await NewStoreAsync();
        var mail = Mail("m-1", "2026-01-13T23:00:00.000Z");
        var delivery = mail.Event(SesEventType.Delivery) with { SentAt = null };
        var open = mail.Event(SesEventType.Open, "2026-01-14T01:00:00.000Z") with { SentAt = null };
        await store.StoreAsync(Pipeline, [delivery, open], default);

        var sentDay = await store.GetCountsAsync(Pipeline, Window("2026-01-13T00:00:00.000Z", "2026-01-14T00:00:00.000Z"), null, default);
        var nextDay = await store.GetCountsAsync(Pipeline, Window("2026-01-14T00:00:00.000Z", "2026-01-15T00:00:00.000Z"), null, default);
        var both = await store.GetCountsAsync(Pipeline, January, null, default);

        Assert.Equal(Counts(sent: 1, delivered: 1, opened: 1, engaged: 1), sentDay);
        Assert.Equal(EngagementCounts.Zero, nextDay);
        Assert.Equal(sentDay, both);
    }

    [Fact]
    public async Task GetCountsAsync_EmptyStoreOrEmptyWindow_CountsNothing()
    {
        var store = await NewStoreAsync();
        var empty = await store.GetCountsAsync(Pipeline, TimeWindow.All, null, default);
        await StoreSendsAsync(store, 2);

        var reversed = await store.GetCountsAsync(Pipeline, new TimeWindow(January.To, January.From), null, default);
        var february = await store.GetCountsAsync(Pipeline, February, null, default);

        Assert.Equal(EngagementCounts.Zero, empty);
        Assert.Equal(EngagementCounts.Zero, reversed);
        Assert.Equal(EngagementCounts.Zero, february);
    }

    [Fact]
    public async Task ReconcileAsync_Day_CountsOutcomesOfTheMessagesSentThatDay()
    {
        var store = await NewStoreAsync();
        var day = new DateOnly(2026, 1, 13);
        var delivered = Mail("m-1", "2026-01-13T08:00:00.000Z");
        var bounced = Mail("m-2", "2026-01-13T09:00:00.000Z");
        var rejected = Mail("m-3", "2026-01-13T10:00:00.000Z");
        var missing = Mail("m-4", "2026-01-13T11:00:00.000Z");
        var deliveryOnly = Mail("m-5", "2026-01-13T12:00:00.000Z");
        var lateBounce = Mail("m-6", "2026-01-13T23:59:59.999Z");
        var dayBefore = Mail("m-7", "2026-01-12T23:59:59.999Z");
        var dayAfter = Mail("m-8", "2026-01-14T00:00:00.000Z");
        await store.StoreAsync(
            Pipeline,
            [
                delivered.Event(SesEventType.Send), delivered.Event(SesEventType.Delivery, "2026-01-13T08:00:02.000Z"),
                bounced.Event(SesEventType.Send), bounced.Event(SesEventType.Bounce, "2026-01-13T09:00:02.000Z"),
                rejected.Event(SesEventType.Send), rejected.Event(SesEventType.Reject),
                missing.Event(SesEventType.Send), missing.Event(SesEventType.Open, "2026-01-13T15:00:00.000Z"),
                deliveryOnly.Event(SesEventType.Delivery, "2026-01-13T12:00:03.000Z"),
                lateBounce.Event(SesEventType.Send), lateBounce.Event(SesEventType.Delivery, "2026-01-14T00:00:01.000Z"),
                lateBounce.Event(SesEventType.Bounce, "2026-01-15T00:00:00.000Z"),
                dayBefore.Event(SesEventType.Send), dayBefore.Event(SesEventType.Delivery, "2026-01-13T00:00:01.000Z"),
                dayAfter.Event(SesEventType.Send),
            ],
            default);

        var reconciliation = await store.ReconcileAsync(Pipeline, day, default);
        await store.StoreAsync(Pipeline, [missing.Event(SesEventType.Delivery, "2026-01-16T00:00:00.000Z")], default);
        Time.Advance(TimeSpan.FromMinutes(1));
        var later = await store.ReconcileAsync(Pipeline, day, default);

        Assert.Equal(new DailyReconciliation(day, Sent: 6, Delivered: 3, Bounced: 2, Rejected: 1, Missing: 1), reconciliation);
        Assert.Equal(new DailyReconciliation(day, Sent: 6, Delivered: 4, Bounced: 2, Rejected: 1, Missing: 0), later);
    }

    [Fact]
    public async Task GetActivityAsync_AfterStores_ReturnsTheLastStoreTimeOfEachType()
    {
        var store = await NewStoreAsync();
        var mail = Mail("m-1", "2026-01-13T10:00:00.000Z");
        var empty = await store.GetActivityAsync(Pipeline, default);
        var firstStore = Time.GetUtcNow();
        await store.StoreAsync(Pipeline, [mail.Event(SesEventType.Send), mail.Event(SesEventType.Delivery)], default);
        Time.Advance(TimeSpan.FromMinutes(5));
        await store.StoreAsync(Pipeline, [mail.Event(SesEventType.Open, "2026-01-13T12:00:00.000Z")], default);

        var activity = await store.GetActivityAsync(Pipeline, default);

        Assert.Empty(empty.LastStoredByType);
        Assert.Equal(firstStore, activity.LastStoredByType[SesEventType.Send]);
        Assert.Equal(firstStore, activity.LastStoredByType[SesEventType.Delivery]);
        Assert.Equal(firstStore.AddMinutes(5), activity.LastStoredByType[SesEventType.Open]);
        Assert.Equal(3, activity.LastStoredByType.Count);
    }

    /// <summary>A new store with one pipeline, <see cref="Pipeline"/>, whose table name is unique.</summary>
    protected Task<ITrackingStore> NewStoreAsync(TimeSpan? retention = null)
    {
        var options = new SesAnalyticsOptions { Retention = retention ?? TimeSpan.FromDays(90) };
        var pipeline = PipelineDefaults.OutreachPipeline();
        pipeline.Table = "conformance-" + Guid.NewGuid().ToString("N")[..16];
        options.Pipelines[Pipeline] = pipeline;
        return CreateStoreAsync(options, Time);
    }

    protected static DateTimeOffset At(string instant) =>
        DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    protected static TimeWindow Window(string from, string to) => new(At(from), At(to));

    protected static SentMail Mail(string messageId, string sentAt, string? campaign = Campaign, string recipient = Ana) =>
        new(messageId, At(sentAt), recipient, campaign);

    protected static EngagementCounts Counts(
        long sent = 0,
        long delivered = 0,
        long opened = 0,
        long clicked = 0,
        long bounced = 0,
        long complained = 0,
        long rejected = 0,
        long engaged = 0) =>
        new(sent, delivered, opened, clicked, bounced, complained, rejected, engaged);

    private static async Task<List<TrackingPage>> AllPagesAsync(ITrackingStore store, TrackingQuery query)
    {
        var pages = new List<TrackingPage>();
        string? token = null;
        do
        {
            var page = await store.QueryAsync(Pipeline, query with { NextToken = token }, default);
            pages.Add(page);
            token = page.NextToken;
            Assert.True(pages.Count <= 100, "paging does not end");
        }
        while (token is not null);

        return pages;
    }

    private static Task StoreSendsAsync(ITrackingStore store, int count) =>
        store.StoreAsync(
            Pipeline,
            Enumerable.Range(0, count).Select(i => Mail($"m-{i}", $"2026-01-1{i % 10}T10:00:00.000Z").Event(SesEventType.Send)).ToList(),
            default);

    private static void AssertSame(TrackingEvent expected, TrackingEvent actual)
    {
        Assert.Equal(expected.Key, actual.Key);
        Assert.Equal(expected.MessageId, actual.MessageId);
        Assert.Equal(expected.EventType, actual.EventType);
        Assert.Equal(expected.Recipient, actual.Recipient);
        Assert.Equal(expected.Timestamp, actual.Timestamp);
        Assert.Equal(expected.SentAt, actual.SentAt);
        Assert.Equal(expected.CampaignId, actual.CampaignId);
        Assert.Equal(expected.Tags.OrderBy(t => t.Key), actual.Tags.OrderBy(t => t.Key));
        Assert.Equal(expected.BounceType, actual.BounceType);
        Assert.Equal(expected.BounceSubType, actual.BounceSubType);
        Assert.Equal(expected.ComplaintFeedbackType, actual.ComplaintFeedbackType);
        Assert.Equal(expected.Link, actual.Link);
        Assert.Equal(expected.UserAgent, actual.UserAgent);
        Assert.Equal(expected.IpAddress, actual.IpAddress);
    }

    /// <summary>One sent message: builds its events, each carrying the send time and campaign as SES does.</summary>
    protected sealed record SentMail(string MessageId, DateTimeOffset SentAt, string Recipient, string? Campaign)
    {
        public TrackingEvent Event(SesEventType type, string? at = null) => new()
        {
            MessageId = MessageId,
            EventType = type,
            Recipient = Recipient,
            Timestamp = at is null ? SentAt : At(at),
            SentAt = SentAt,
            CampaignId = Campaign,
            Tags = Campaign is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["campaign"] = Campaign },
        };
    }
}
