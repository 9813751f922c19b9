using SesAnalytics.Core.Events;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Tests.Cli;

/// <summary>Reads every live record of a pipeline from a tracking store, page after page.</summary>
internal static class TrackingRecords
{
    public static async Task<List<TrackingEvent>> AllAsync(ITrackingStore store, string pipeline)
    {
        var records = new List<TrackingEvent>();
        string? nextToken = null;
        do
        {
            var page = await store.QueryAsync(
                pipeline,
                new TrackingQuery { Window = TimeWindow.All, NextToken = nextToken },
                CancellationToken.None);
            records.AddRange(page.Items);
            nextToken = page.NextToken;
        }
        while (nextToken is not null);

        return records;
    }
}
