using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Embedded.Tracking;

/// <summary>
/// Net changes to the daily counters from one or more summary changes, keyed by (UTC day, campaign); a message's
/// old contribution is removed and its new one added, so unchanged counters net to zero and are not written.
/// </summary>
internal sealed class CounterDeltas
{
    private readonly Dictionary<(long Day, string Campaign), MessageOutcomes> _deltas = [];

    public IEnumerable<KeyValuePair<(long Day, string Campaign), MessageOutcomes>> NonZero =>
        _deltas.Where(pair => !pair.Value.IsZero);

    public void Add(MessageSummary summary) => Apply(summary, summary.Outcomes);

    public void Remove(MessageSummary summary) => Apply(summary, summary.Outcomes.Times(-1));

    private void Apply(MessageSummary summary, MessageOutcomes outcomes)
    {
        foreach (var campaign in summary.CounterCampaigns)
        {
            var key = (summary.SentDay, campaign);
            _deltas[key] = _deltas.TryGetValue(key, out var current) ? current.Plus(outcomes) : outcomes;
        }
    }
}
