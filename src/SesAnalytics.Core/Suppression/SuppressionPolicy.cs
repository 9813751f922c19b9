using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Diagnostics;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Tracking;

namespace SesAnalytics.Core.Suppression;

/// <summary>
/// Turns stored events into suppressions: a permanent bounce stops every pipeline; a complaint stops every
/// pipeline or only its own (<see cref="SuppressionOptions.ComplaintSuppressesAllPipelines"/>); repeated transient
/// bounces stop the pipeline they happened on. Mailbox-simulator addresses are never suppressed, as in SES.
/// </summary>
public sealed class SuppressionPolicy(
    ISuppressionList suppressions,
    ITrackingStore store,
    IOptions<SuppressionOptions> options,
    TimeProvider time,
    ILogger<SuppressionPolicy> logger)
{
    public const string SimulatorDomain = "simulator.amazonses.com";

    private readonly SuppressionOptions _options = options.Value;

    public static bool IsSimulatorAddress(string email) =>
        email.EndsWith("@" + SimulatorDomain, StringComparison.OrdinalIgnoreCase);

    public async Task ApplyAsync(string pipeline, IReadOnlyList<TrackingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            if (IsSimulatorAddress(e.Recipient))
            {
                continue;
            }

            switch (e.EventType)
            {
                case SesEventType.Bounce when IsPermanent(e):
                    await AddAsync(e, SuppressionEntry.AllPipelines, SuppressionReason.HardBounce, cancellationToken);
                    break;
                case SesEventType.Bounce:
                    await ApplySoftBounceAsync(pipeline, e, cancellationToken);
                    break;
                case SesEventType.Complaint:
                    var scope = _options.ComplaintSuppressesAllPipelines ? SuppressionEntry.AllPipelines : pipeline;
                    await AddAsync(e, scope, SuppressionReason.Complaint, cancellationToken);
                    break;
                default:
                    break;
            }
        }
    }

    private static bool IsPermanent(TrackingEvent e) =>
        string.Equals(e.BounceType, "Permanent", StringComparison.OrdinalIgnoreCase);

    private async Task ApplySoftBounceAsync(string pipeline, TrackingEvent bounce, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var query = new TrackingQuery
        {
            Window = new TimeWindow(now - _options.SoftBounceWindow, now.AddMilliseconds(1)),
            Email = bounce.Recipient,
            EventType = SesEventType.Bounce,
            Limit = TrackingQuery.MaxLimit,
        };
        var page = await store.QueryAsync(pipeline, query, cancellationToken);
        var soft = page.Items.Count(e => !IsPermanent(e));
        if (soft >= _options.SoftBounceThreshold)
        {
            await AddAsync(bounce, pipeline, SuppressionReason.RepeatedSoftBounces, cancellationToken);
        }
    }

    private async Task AddAsync(TrackingEvent e, string scope, SuppressionReason reason, CancellationToken cancellationToken)
    {
        var entry = new SuppressionEntry(e.Recipient, scope, reason, e.Timestamp, e.CampaignId);
        if (await suppressions.AddAsync(entry, cancellationToken))
        {
            Log.AddressSuppressed(logger, EmailMask.Mask(e.Recipient), scope, reason, e.MessageId);
        }
    }
}
