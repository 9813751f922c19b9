using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Aws.DynamoDb;

/// <summary>The freshly computed counters of the messages sent on one UTC day, for all messages and per campaign.</summary>
internal sealed class DayAggregate(DateOnly day, string generation, long computedAtMs)
{
    public DateOnly Day { get; } = day;

    /// <summary>Orders writers: <c>ticks-guid</c> of the computation's start.</summary>
    public string Generation { get; } = generation;

    public long ComputedAtMs { get; } = computedAtMs;

    /// <summary>Until when the counters hold (epoch ms): after it some counted record has expired.</summary>
    public long ValidUntilMs { get; set; } = long.MaxValue;

    /// <summary>When the first counted record expires (epoch seconds); <see cref="long.MaxValue"/> when none was counted.</summary>
    public long FirstExpiration { get; private set; } = long.MaxValue;

    /// <summary>When the last counted record expires (epoch seconds); 0 when none was counted.</summary>
    public long LastExpiration { get; private set; }

    public HourlyCounts All { get; } = new();

    public Dictionary<string, HourlyCounts> Campaigns { get; } = new(StringComparer.Ordinal);

    public void Add(SentMessage message)
    {
        var counts = MessageOutcomes.FromTypes(message.Types);
        var hour = message.SentAt.UtcDateTime.Hour;
        All.Add(hour, counts);
        foreach (var campaign in message.Campaigns)
        {
            if (!Campaigns.TryGetValue(campaign, out var perCampaign))
            {
                perCampaign = new HourlyCounts();
                Campaigns[campaign] = perCampaign;
            }

            perCampaign.Add(hour, counts);
        }

        FirstExpiration = Math.Min(FirstExpiration, message.FirstExpiration);
        LastExpiration = Math.Max(LastExpiration, message.LastExpiration);
    }

    public HourlyCounts CountsFor(string? campaign) =>
        campaign is null ? All : Campaigns.GetValueOrDefault(campaign) ?? new HourlyCounts();
}
