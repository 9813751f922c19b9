using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using MimeKit;
using SesAnalytics.Core.Diagnostics;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Sending;

namespace SesAnalytics.Embedded.Sending;

/// <summary>
/// SES in process: renders each email, writes it to the outbox as an .eml file, and publishes the events SES would
/// (a Send, then what the mailbox simulator does for the address) on the pipeline's queue. Problems with one email
/// are that email's outcome, never an exception.
/// </summary>
internal sealed partial class EmbeddedEmailSender(
    IEmailTemplates templates,
    TemplateRenderer renderer,
    Outbox outbox,
    SesEventPublisher publisher,
    TimeProvider timeProvider,
    ILogger<EmbeddedEmailSender> logger) : IEmailSender
{
    /// <summary>How long after its send the simulator delivers (or bounces) a message.</summary>
    internal static readonly TimeSpan DeliveryDelay = TimeSpan.FromSeconds(1);

    /// <summary>How long after its delivery the simulator's complaint arrives.</summary>
    internal static readonly TimeSpan ComplaintDelay = TimeSpan.FromSeconds(1);

    private const string SuppressionListDiagnostic =
        "Amazon SES did not send the message to this address because it is on the suppression list for your account.";

    public async Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<OutgoingEmail> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        var rendered = new Dictionary<EmailContent, RenderResult>();
        var outcomes = new List<SendOutcome>(emails.Count);
        foreach (var email in emails)
        {
            ArgumentNullException.ThrowIfNull(email, nameof(emails));
            if (email.Content is null || !rendered.TryGetValue(email.Content, out var content))
            {
                content = await RenderAsync(email.Content, cancellationToken);
                if (email.Content is not null)
                {
                    rendered[email.Content] = content;
                }
            }

            outcomes.Add(await SendOneAsync(email, content, cancellationToken));
        }

        return outcomes;
    }

    private async Task<RenderResult> RenderAsync(EmailContent? content, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            return new RenderResult(null, "the email has no content");
        }

        string label;
        EmailTemplate? stored = null;
        if (content.IsInline)
        {
            label = "the inline template";
        }
        else
        {
            label = $"template '{content.TemplateName}'";
            stored = await templates.GetAsync(content.TemplateName!, cancellationToken);
            if (stored is null)
            {
                return new RenderResult(null, $"template '{content.TemplateName}' does not exist");
            }
        }

        return renderer.TryRender(
            label,
            stored?.Subject ?? content.Subject,
            stored is null ? content.Html : stored.Html,
            stored is null ? content.Text : stored.Text,
            content.TemplateDataJson,
            out var email,
            out var error)
            ? new RenderResult(email, null)
            : new RenderResult(null, error);
    }

    private async Task<SendOutcome> SendOneAsync(OutgoingEmail email, RenderResult content, CancellationToken cancellationToken)
    {
        var recipient = email.To ?? string.Empty;
        var masked = EmailMask.Mask(recipient);
        if (Problem(email, out var from, out var to) is { } problem)
        {
            Log.EmailRejected(logger, email.Pipeline, masked, problem);
            return SendOutcome.Rejected(recipient, problem);
        }

        if (content.Email is not { } rendered)
        {
            Log.EmailRejected(logger, email.Pipeline, masked, content.Error!);
            return SendOutcome.Rejected(recipient, content.Error!);
        }

        try
        {
            var now = EventTimestamps.Truncate(timeProvider.GetUtcNow());
            var messageId = SesMessageIds.Create(now);
            var message = BuildMessage(email, rendered, from, to, messageId, now);
            await outbox.WriteAsync(messageId, message, cancellationToken);

            var mail = SesEventDocuments.Mail(new SentMail(
                messageId,
                now,
                email.From.Trim(),
                to.Address,
                rendered.Subject,
                MailHeaders(message),
                email.ConfigurationSet,
                email.Tags));
            await outbox.RecordAsync(
                new OutboxEntry(messageId, email.Pipeline, to.Address, SesEventDocuments.ToJson(mail), FirstLink(rendered.Html), now),
                cancellationToken);

            if (string.IsNullOrEmpty(email.ConfigurationSet))
            {
                // SES publishes events only through a configuration set's event destinations.
                Log.NoConfigurationSet(logger, email.Pipeline, messageId);
            }
            else
            {
                await publisher.PublishAsync(email.Pipeline, SimulatedEvents(mail, to.Address, now), cancellationToken);
            }

            Log.EmailSent(logger, email.Pipeline, messageId, masked);
            return SendOutcome.Sent(recipient, messageId) with { AcceptedAt = now };
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Reported as this email's outcome, as the interface asks; the cause goes to the log with the exception.
            Log.EmailFailed(logger, e, email.Pipeline, masked);
            return SendOutcome.Failed(recipient, $"the embedded SES could not send the message: {e.Message}");
        }
    }

    private static string? Problem(OutgoingEmail email, out MailboxAddress from, out MailboxAddress to)
    {
        from = null!;
        to = null!;
        if (!PipelineIds.IsValid(email.Pipeline))
        {
            return $"'{email.Pipeline}' is not a pipeline id";
        }

        if (!TryParseAddress(email.From, out from))
        {
            return $"the sender address '{email.From}' is not a valid email address";
        }

        if (!TryParseAddress(email.To, out to))
        {
            return "the recipient is not a valid email address";
        }

        foreach (var (name, value) in email.Headers ?? [])
        {
            if (string.IsNullOrEmpty(name) || !HeaderName().IsMatch(name))
            {
                return $"'{name}' is not a valid header name";
            }

            if (value is null || value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
            {
                return $"the value of header '{name}' is missing or contains a line break";
            }
        }

        foreach (var (name, value) in email.Tags ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrEmpty(name) || !TagText().IsMatch(name))
            {
                return $"message tag name '{name}' is not valid: use 1 to 256 letters, digits, '_' or '-'";
            }

            if (string.IsNullOrEmpty(value) || !TagText().IsMatch(value))
            {
                return $"the value of message tag '{name}' is not valid: use 1 to 256 letters, digits, '_' or '-'";
            }
        }

        return null;
    }

    private static bool TryParseAddress(string? text, out MailboxAddress mailbox)
    {
        mailbox = null!;
        if (string.IsNullOrWhiteSpace(text) ||
            text.Contains('\r', StringComparison.Ordinal) ||
            text.Contains('\n', StringComparison.Ordinal) ||
            !MailboxAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        var at = parsed.Address.LastIndexOf('@');
        if (at <= 0 || at == parsed.Address.Length - 1)
        {
            return false;
        }

        mailbox = parsed;
        return true;
    }

    private static MimeMessage BuildMessage(
        OutgoingEmail email,
        RenderedEmail rendered,
        MailboxAddress from,
        MailboxAddress to,
        string messageId,
        DateTimeOffset now)
    {
        var message = new MimeMessage
        {
            Subject = rendered.Subject,
            Date = now,
            MessageId = messageId + "@email.amazonses.com",
        };
        message.From.Add(from);
        message.To.Add(to);
        foreach (var (name, value) in email.Headers)
        {
            message.Headers.Add(name, value);
        }

        message.Body = new BodyBuilder { HtmlBody = rendered.Html, TextBody = rendered.Text }.ToMessageBody();
        return message;
    }

    /// <summary>The headers SES lists in <c>mail.headers</c>: the message's own, then its MIME headers.</summary>
    private static List<KeyValuePair<string, string>> MailHeaders(MimeMessage message)
    {
        var headers = message.Headers.Select(h => new KeyValuePair<string, string>(h.Field, h.Value)).ToList();
        if (!headers.Exists(h => h.Key.Equals("MIME-Version", StringComparison.OrdinalIgnoreCase)))
        {
            headers.Add(new("MIME-Version", "1.0"));
        }

        if (message.Body is { } body)
        {
            headers.AddRange(body.Headers
                .Where(h => h.Field.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
                .Select(h => new KeyValuePair<string, string>(h.Field, h.Value)));
        }

        return headers;
    }

    private static List<(JsonObject Document, DateTimeOffset At)> SimulatedEvents(JsonObject mail, string recipient, DateTimeOffset now)
    {
        var events = new List<(JsonObject, DateTimeOffset)> { (SesEventDocuments.Send(mail), now) };
        var outcomeAt = now + DeliveryDelay;
        switch (MailboxSimulator.OutcomeFor(recipient))
        {
            case SimulatedOutcome.Bounced:
                events.Add((SesEventDocuments.Bounce(mail, recipient, outcomeAt, "General", "smtp; 550 5.1.1 user unknown"), outcomeAt));
                break;
            case SimulatedOutcome.OnSuppressionList:
                var suppressed = SesEventDocuments.Bounce(
                    mail,
                    recipient,
                    outcomeAt,
                    "OnAccountSuppressionList",
                    SuppressionListDiagnostic);
                events.Add((suppressed, outcomeAt));
                break;
            case SimulatedOutcome.Complained:
                var complaintAt = outcomeAt + ComplaintDelay;
                events.Add((SesEventDocuments.Delivery(mail, recipient, outcomeAt), outcomeAt));
                events.Add((SesEventDocuments.Complaint(mail, recipient, complaintAt), complaintAt));
                break;
            default:
                events.Add((SesEventDocuments.Delivery(mail, recipient, outcomeAt), outcomeAt));
                break;
        }

        return events;
    }

    private static string? FirstLink(string? html) =>
        html is not null && LinkPattern().Match(html) is { Success: true } match ? match.Groups["url"].Value : null;

    [GeneratedRegex("""href\s*=\s*["'](?<url>https?://[^"'\s]+)["']""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();

    [GeneratedRegex("^[!-9;-~]+$", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$", RegexOptions.CultureInvariant)]
    private static partial Regex TagText();

    private sealed record RenderResult(RenderedEmail? Email, string? Error);
}
