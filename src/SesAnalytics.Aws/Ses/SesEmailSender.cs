using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using SesAnalytics.Aws.Ses.Api;
using SesAnalytics.Core.Diagnostics;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Sending;

namespace SesAnalytics.Aws.Ses;

/// <summary>
/// Sends through the SES v2 API. Emails that share sender, configuration set, content and tags go out in one
/// bulk call (at most 50 recipients, each with its own headers); a lone email goes out as a single send.
/// Calls stay under <see cref="AwsOptions.MaxSendsPerSecond"/>, and throttled sends are retried with
/// exponential backoff and jitter.
/// </summary>
internal sealed class SesEmailSender : IEmailSender, IDisposable
{
    private const int SesMaxBulkEntries = 50;

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly ILogger<SesEmailSender> _logger;
    private readonly TokenBucketRateLimiter _rateLimiter;
    private readonly ResiliencePipeline<SendAttempt> _retry;
    private readonly int _maxBulkEntries;
    private readonly int _maxAttempts;

    public SesEmailSender(
        IHttpClientFactory httpClientFactory,
        IOptions<AwsOptions> options,
        TimeProvider timeProvider,
        ILogger<SesEmailSender> logger)
    {
        _httpClientFactory = httpClientFactory;
        _logger = logger;
        var aws = options.Value;
        _maxBulkEntries = Math.Min(SesMaxBulkEntries, aws.MaxSendsPerSecond);
        _maxAttempts = aws.MaxSendRetries + 1;
        _rateLimiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = aws.MaxSendsPerSecond,
            TokensPerPeriod = aws.MaxSendsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
        var builder = new ResiliencePipelineBuilder<SendAttempt> { TimeProvider = timeProvider };
        if (aws.MaxSendRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<SendAttempt>
            {
                ShouldHandle = static args => ValueTask.FromResult(args.Outcome.Result is { Throttled.Count: > 0 }),
                MaxRetryAttempts = aws.MaxSendRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = aws.SendRetryBaseDelay,
                MaxDelay = TimeSpan.FromSeconds(30),
                OnRetry = args =>
                {
                    if (args.Outcome.Result is { } attempt)
                    {
                        SesLog.SendThrottled(_logger, attempt.Throttled.Count, attempt.Pipeline, args.AttemptNumber + 1, args.RetryDelay);
                    }

                    return default;
                },
            });
        }

        _retry = builder.Build();
    }

    public async Task<IReadOnlyList<SendOutcome>> SendAsync(
        IReadOnlyList<OutgoingEmail> emails,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        if (emails.Count == 0)
        {
            return [];
        }

        var api = new SesV2Api(_httpClientFactory.CreateClient(SesV2Api.HttpClientName));
        var outcomes = new SendOutcome?[emails.Count];
        foreach (var batch in Batches(emails))
        {
            await SendBatchAsync(api, emails, batch, outcomes, cancellationToken);
        }

        var results = new SendOutcome[emails.Count];
        var (sent, rejected, failed) = (0, 0, 0);
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = outcomes[i] ?? throw new InvalidOperationException($"No outcome was recorded for email {i}.");
            sent += results[i].Status == SendStatus.Sent ? 1 : 0;
            rejected += results[i].Status == SendStatus.Rejected ? 1 : 0;
            failed += results[i].Status == SendStatus.Failed ? 1 : 0;
        }

        SesLog.SendCompleted(_logger, emails[0].Pipeline, results.Length, sent, rejected, failed);
        return results;
    }

    public void Dispose() => _rateLimiter.Dispose();

    /// <summary>Indexes of emails that can share one call, in request order, at most one bulk call's worth each.</summary>
    private List<List<int>> Batches(IReadOnlyList<OutgoingEmail> emails)
    {
        var groups = new Dictionary<BatchKey, List<int>>();
        var order = new List<List<int>>();
        for (var i = 0; i < emails.Count; i++)
        {
            var key = BatchKey.Of(emails[i]);
            if (!groups.TryGetValue(key, out var group) || group.Count == _maxBulkEntries)
            {
                group = [];
                groups[key] = group;
                order.Add(group);
            }

            group.Add(i);
        }

        return order;
    }

    private async Task SendBatchAsync(
        SesV2Api api,
        IReadOnlyList<OutgoingEmail> emails,
        List<int> batch,
        SendOutcome?[] outcomes,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<int> pending = batch;
        var last = await _retry.ExecuteAsync(
            async token =>
            {
                var attempt = await AttemptAsync(api, emails, pending, outcomes, token);
                pending = attempt.Throttled;
                return attempt;
            },
            cancellationToken);
        foreach (var index in last.Throttled)
        {
            var email = emails[index];
            outcomes[index] = SendOutcome.Failed(
                email.To,
                $"throttled by SES after {_maxAttempts} attempts: {last.ThrottleReason}");
            SesLog.RecipientFailed(_logger, email.Pipeline, EmailMask.Mask(email.To), "Throttled");
        }
    }

    /// <summary>Sends the pending emails once; records every outcome except throttled ones, which it returns.</summary>
    private async Task<SendAttempt> AttemptAsync(
        SesV2Api api,
        IReadOnlyList<OutgoingEmail> emails,
        IReadOnlyList<int> pending,
        SendOutcome?[] outcomes,
        CancellationToken cancellationToken)
    {
        var pipeline = emails[pending[0]].Pipeline;
        using (var lease = await _rateLimiter.AcquireAsync(pending.Count, cancellationToken))
        {
            if (!lease.IsAcquired)
            {
                throw new InvalidOperationException("The SES send rate limiter refused a lease; it has been disposed.");
            }
        }

        try
        {
            return pending.Count == 1
                ? await SendOneAsync(api, emails, pending[0], outcomes, cancellationToken)
                : await SendBulkAsync(api, emails, pending, outcomes, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // A transport failure or a timeout: SES may or may not have sent, so it is reported, not retried.
            SesLog.RequestFailed(_logger, pipeline, pending.Count, e);
            var reason = e is OperationCanceledException ? "SES did not answer in time" : $"SES request failed: {e.Message}";
            foreach (var index in pending)
            {
                outcomes[index] = SendOutcome.Failed(emails[index].To, reason);
            }

            return SendAttempt.Done(pipeline);
        }
    }

    private async Task<SendAttempt> SendOneAsync(
        SesV2Api api,
        IReadOnlyList<OutgoingEmail> emails,
        int index,
        SendOutcome?[] outcomes,
        CancellationToken cancellationToken)
    {
        var email = emails[index];
        var request = new SendEmailRequest
        {
            FromEmailAddress = email.From,
            Destination = new SesDestination([email.To]),
            Content = new SesEmailContent(Template(email.Content, Headers(email.Headers))),
            EmailTags = Tags(email.Tags),
            ConfigurationSetName = email.ConfigurationSet,
        };
        var result = await api.SendEmailAsync(request, cancellationToken);
        if (result.Error is { } error)
        {
            return Record(emails, [index], outcomes, error);
        }

        outcomes[index] = Sent(email, result.Value?.MessageId);
        return SendAttempt.Done(email.Pipeline);
    }

    private async Task<SendAttempt> SendBulkAsync(
        SesV2Api api,
        IReadOnlyList<OutgoingEmail> emails,
        IReadOnlyList<int> pending,
        SendOutcome?[] outcomes,
        CancellationToken cancellationToken)
    {
        var first = emails[pending[0]];
        var request = new SendBulkEmailRequest
        {
            FromEmailAddress = first.From,
            DefaultContent = new SesEmailContent(Template(first.Content, headers: null)),
            BulkEmailEntries = pending
                .Select(i => new BulkEmailEntry
                {
                    Destination = new SesDestination([emails[i].To]),
                    ReplacementHeaders = Headers(emails[i].Headers),
                })
                .ToList(),
            DefaultEmailTags = Tags(first.Tags),
            ConfigurationSetName = first.ConfigurationSet,
        };
        var result = await api.SendBulkEmailAsync(request, cancellationToken);
        if (result.Error is { } error)
        {
            return Record(emails, pending, outcomes, error);
        }

        var entries = result.Value?.BulkEmailEntryResults ?? [];
        if (entries.Count != pending.Count)
        {
            foreach (var index in pending)
            {
                outcomes[index] = SendOutcome.Failed(
                    emails[index].To,
                    $"SES answered {entries.Count} results for {pending.Count} bulk entries");
            }

            return SendAttempt.Done(first.Pipeline);
        }

        var throttled = new List<int>();
        string? throttleReason = null;
        for (var i = 0; i < entries.Count; i++)
        {
            var index = pending[i];
            var email = emails[index];
            var entry = entries[i];
            if (string.Equals(entry.Status, "SUCCESS", StringComparison.OrdinalIgnoreCase))
            {
                outcomes[index] = Sent(email, entry.MessageId);
                continue;
            }

            var status = entry.Status ?? "UNKNOWN";
            var message = string.IsNullOrWhiteSpace(entry.Error) ? status : entry.Error;
            var kind = SesErrors.ClassifyBulkStatus(status);
            if (kind == SesErrorKind.Throttled)
            {
                throttled.Add(index);
                throttleReason = $"{status}: {message}";
                continue;
            }

            outcomes[index] = SesErrors.Outcome(email.To, kind, status, message);
            LogOutcome(email, kind, status);
        }

        return new SendAttempt(first.Pipeline, throttled, throttleReason);
    }

    /// <summary>Applies an error SES returned for a whole call to each of its recipients.</summary>
    private SendAttempt Record(IReadOnlyList<OutgoingEmail> emails, IReadOnlyList<int> indexes, SendOutcome?[] outcomes, SesApiError error)
    {
        var pipeline = emails[indexes[0]].Pipeline;
        var kind = SesErrors.Classify(error);
        if (kind == SesErrorKind.Throttled)
        {
            return new SendAttempt(pipeline, indexes, error.ToString());
        }

        foreach (var index in indexes)
        {
            outcomes[index] = SesErrors.Outcome(emails[index].To, kind, error.Code, error.Message);
            LogOutcome(emails[index], kind, error.Code);
        }

        return SendAttempt.Done(pipeline);
    }

    private void LogOutcome(OutgoingEmail email, SesErrorKind kind, string code)
    {
        if (kind == SesErrorKind.Rejected)
        {
            SesLog.RecipientRejected(_logger, email.Pipeline, EmailMask.Mask(email.To), code);
        }
        else
        {
            SesLog.RecipientFailed(_logger, email.Pipeline, EmailMask.Mask(email.To), code);
        }
    }

    private static SendOutcome Sent(OutgoingEmail email, string? messageId) => messageId is { Length: > 0 }
        ? SendOutcome.Sent(email.To, messageId)
        : new SendOutcome(email.To, SendStatus.Sent, null, "SES accepted the email without returning a message id");

    private static SesTemplate Template(EmailContent content, IReadOnlyList<SesNameValue>? headers) => new()
    {
        TemplateName = content.IsInline ? null : content.TemplateName,
        TemplateContent = content.IsInline
            ? new SesTemplateContent { Subject = content.Subject, Html = content.Html, Text = content.Text }
            : null,
        TemplateData = content.TemplateDataJson,
        Headers = headers,
    };

    private static List<SesNameValue>? Headers(IReadOnlyList<KeyValuePair<string, string>> headers) =>
        headers.Count == 0 ? null : headers.Select(h => new SesNameValue(h.Key, h.Value)).ToList();

    private static List<SesNameValue>? Tags(IReadOnlyDictionary<string, string> tags) =>
        tags.Count == 0 ? null : tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new SesNameValue(t.Key, t.Value)).ToList();

    /// <summary>What emails must share to go out in one bulk call.</summary>
    private sealed record BatchKey(string Pipeline, string From, string ConfigurationSet, EmailContent Content, string Tags)
    {
        public static BatchKey Of(OutgoingEmail email) => new(
            email.Pipeline,
            email.From,
            email.ConfigurationSet,
            email.Content,
            string.Join('\n', email.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}")));
    }

    /// <summary>One try at a batch: the emails SES throttled (to retry), and why.</summary>
    private sealed record SendAttempt(string Pipeline, IReadOnlyList<int> Throttled, string? ThrottleReason)
    {
        public static SendAttempt Done(string pipeline) => new(pipeline, [], null);
    }
}
