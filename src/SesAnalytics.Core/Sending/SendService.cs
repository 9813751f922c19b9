using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SesAnalytics.Core.Diagnostics;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Suppression;

namespace SesAnalytics.Core.Sending;

/// <summary>
/// Sends a validated request on one pipeline: skips suppressed recipients, gives every message the pipeline's
/// configuration set, the campaign tag and (for unsubscribable pipelines) RFC 8058 List-Unsubscribe headers,
/// and writes a SEND record for each accepted message.
/// </summary>
public sealed class SendService(
    IEmailSender sender,
    ISuppressionList suppressions,
    ITrackingStore store,
    UnsubscribeTokenSigner tokens,
    IOptions<SesAnalyticsOptions> options,
    SesAnalyticsTelemetry telemetry,
    TimeProvider time,
    ILogger<SendService> logger)
{
    public const string PipelineTag = "pipeline";
    public const string ReportTag = "reportId";

    private readonly SesAnalyticsOptions _options = options.Value;

    public async Task<IReadOnlyList<SendOutcome>> SendAsync(
        PipelineOptions pipeline,
        SendRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(request);
        using var activity = SesAnalyticsTelemetry.ActivitySource.StartActivity("send");
        activity?.SetTag("sesanalytics.pipeline", pipeline.Id);

        var outcomes = new SendOutcome?[request.To.Count];
        var emails = new List<(int Index, OutgoingEmail Email)>();
        for (var i = 0; i < request.To.Count; i++)
        {
            var recipient = request.To[i];
            var suppressed = await suppressions.FindAsync(pipeline.Id, recipient, cancellationToken);
            if (suppressed is not null)
            {
                outcomes[i] = new SendOutcome(recipient, SendStatus.Suppressed, null, Describe(suppressed))
                {
                    SuppressedSince = suppressed.Since,
                };
                continue;
            }

            emails.Add((i, Build(pipeline, request, recipient)));
        }

        if (emails.Count > 0)
        {
            var sent = await sender.SendAsync(emails.Select(e => e.Email).ToList(), cancellationToken);
            for (var j = 0; j < emails.Count; j++)
            {
                outcomes[emails[j].Index] = sent[j];
            }

            await RecordSendsAsync(pipeline, request, emails.Select(e => e.Email).Zip(sent).ToList(), cancellationToken);
        }

        var results = outcomes.Select(o => o!).ToList();
        Report(pipeline, request, results);
        return results;
    }

    private OutgoingEmail Build(PipelineOptions pipeline, SendRequest request, string recipient)
    {
        var tags = new Dictionary<string, string>(request.Tags, StringComparer.Ordinal)
        {
            [SesTagRules.CampaignTag] = request.CampaignId,
            [PipelineTag] = pipeline.Id,
        };
        if (request.ReportId is not null)
        {
            tags[ReportTag] = request.ReportId;
        }

        return new OutgoingEmail
        {
            Pipeline = pipeline.Id,
            From = pipeline.FromAddress,
            To = recipient,
            ConfigurationSet = pipeline.ConfigurationSet,
            Content = new EmailContent
            {
                TemplateName = request.TemplateName,
                Subject = request.TemplateContent?.Subject,
                Html = request.TemplateContent?.Html,
                Text = request.TemplateContent?.Text,
                TemplateDataJson = request.TemplateDataJson,
            },
            Tags = tags,
            Headers = pipeline.Unsubscribable ? UnsubscribeHeaders(pipeline, recipient, request.CampaignId) : [],
        };
    }

    /// <summary>RFC 2369 List-Unsubscribe with an https (and optionally mailto) target, and RFC 8058 one-click.</summary>
    private List<KeyValuePair<string, string>> UnsubscribeHeaders(PipelineOptions pipeline, string recipient, string campaignId)
    {
        var token = tokens.Sign(new UnsubscribeToken(
            pipeline.Id,
            recipient,
            campaignId,
            time.GetUtcNow() + _options.UnsubscribeTokenLifetime));
        var url = $"{_options.PublicBaseUrl.TrimEnd('/')}/api/unsubscribe?token={Uri.EscapeDataString(token)}";
        var targets = $"<{url}>";
        if (!string.IsNullOrWhiteSpace(_options.UnsubscribeMailto))
        {
            targets += $", <mailto:{_options.UnsubscribeMailto}?subject=unsubscribe>";
        }

        return
        [
            new("List-Unsubscribe", targets),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ];
    }

    /// <summary>
    /// Writes a SEND record per accepted message, so tracking shows a send at once. SES's own Send event for the
    /// message is the same record when it carries the same timestamp (the embedded sender's always does). The record
    /// has a <c>sentAt</c> only when the provider reports the message's <c>mail.timestamp</c>: SES stamps its own,
    /// slightly earlier, on its events, and a message with two send times would be counted twice.
    /// </summary>
    private async Task RecordSendsAsync(
        PipelineOptions pipeline,
        SendRequest request,
        List<(OutgoingEmail Email, SendOutcome Outcome)> sent,
        CancellationToken cancellationToken)
    {
        var records = sent
            .Where(s => s.Outcome.Status == SendStatus.Sent && s.Outcome.MessageId is not null)
            .Select(s =>
            {
                var at = EventTimestamps.Truncate(s.Outcome.AcceptedAt ?? time.GetUtcNow());
                return new TrackingEvent
                {
                    MessageId = s.Outcome.MessageId!,
                    EventType = SesEventType.Send,
                    Recipient = s.Email.To,
                    Timestamp = at,
                    SentAt = s.Outcome.AcceptedAt is null ? null : at,
                    CampaignId = request.CampaignId,
                    Tags = s.Email.Tags,
                };
            })
            .ToList();
        if (records.Count == 0)
        {
            return;
        }

        try
        {
            await store.StoreAsync(pipeline.Id, records, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The email is already sent: failing the request now would invite a second send. SES publishes its
            // own Send event for each message, which the drain stores.
            Log.SendRecordFailed(logger, e, pipeline.Id, records.Count);
        }
    }

    private void Report(PipelineOptions pipeline, SendRequest request, List<SendOutcome> results)
    {
        foreach (var result in results)
        {
            telemetry.Sent(pipeline.Id, result.Status);
            if (result.Status is SendStatus.Rejected or SendStatus.Failed)
            {
                Log.RecipientNotSent(logger, pipeline.Id, EmailMask.Mask(result.Recipient), result.Status, EmailMask.MaskAll(result.Reason));
            }
        }

        Log.SendCompleted(
            logger,
            pipeline.Id,
            request.CampaignId,
            results.Count,
            results.Count(r => r.Status == SendStatus.Sent),
            results.Count(r => r.Status == SendStatus.Suppressed),
            results.Count(r => r.Status == SendStatus.Rejected),
            results.Count(r => r.Status == SendStatus.Failed));
    }

    private static string Describe(SuppressionEntry entry)
    {
        var scope = entry.Scope == SuppressionEntry.AllPipelines ? "all pipelines" : $"pipeline {entry.Scope}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{entry.Reason} ({scope}) since {EventTimestamps.Format(entry.Since)}");
    }
}
