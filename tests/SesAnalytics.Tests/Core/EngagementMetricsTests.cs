using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Tests.Core;

public sealed class EngagementMetricsTests
{
    [Fact]
    public void From_Counts_UsesTheStatedDenominators()
    {
        var counts = new EngagementCounts(Sent: 10, Delivered: 8, Opened: 4, Clicked: 2, Bounced: 2, Complained: 1, Rejected: 0, EngagementEvents: 9);

        var metrics = EngagementMetrics.From(counts);

        Assert.Equal(0.8, metrics.DeliveryRate);
        Assert.Equal(0.2, metrics.BounceRate);
        Assert.Equal(0.5, metrics.OpenRate);
        Assert.Equal(0.25, metrics.ClickRate);
        Assert.Equal(0.125, metrics.ComplaintRate);
    }

    [Fact]
    public void From_NoMessages_AllRatesNull()
    {
        var metrics = EngagementMetrics.From(EngagementCounts.Zero);

        Assert.Null(metrics.DeliveryRate);
        Assert.Null(metrics.BounceRate);
        Assert.Null(metrics.OpenRate);
        Assert.Null(metrics.ClickRate);
        Assert.Null(metrics.ComplaintRate);
    }

    [Fact]
    public void From_SendsWithoutAnyOutcomeEvent_AllRatesNullNotZero()
    {
        var counts = new EngagementCounts(Sent: 50, Delivered: 0, Opened: 0, Clicked: 0, Bounced: 0, Complained: 0, Rejected: 0, EngagementEvents: 0);

        var metrics = EngagementMetrics.From(counts);

        Assert.Null(metrics.DeliveryRate);
        Assert.Null(metrics.BounceRate);
    }

    [Fact]
    public void From_BouncesButNoDeliveries_DeliveryBasedRatesNull()
    {
        var counts = new EngagementCounts(Sent: 4, Delivered: 0, Opened: 0, Clicked: 0, Bounced: 4, Complained: 0, Rejected: 0, EngagementEvents: 4);

        var metrics = EngagementMetrics.From(counts);

        Assert.Equal(0.0, metrics.DeliveryRate);
        Assert.Equal(1.0, metrics.BounceRate);
        Assert.Null(metrics.OpenRate);
        Assert.Null(metrics.ComplaintRate);
    }
}
