using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using SesAnalytics.Core.Events;
using SesAnalytics.Embedded.Sending;

namespace SesAnalytics.Embedded;

/// <summary>
/// Lets a person try the metrics by hand with the embedded SES: publishes an Open or a Click for a message it sent,
/// as SES would when the recipient opened the message or followed a link. The event goes to the message's pipeline
/// queue like every other event. Registered by <see cref="EmbeddedServiceCollectionExtensions.AddEmbeddedProviders"/>.
/// </summary>
public sealed class OutboxEngagement
{
    /// <summary>The address the simulated reader opens and clicks from.</summary>
    public const string SimulatedIpAddress = "127.0.0.1";

    /// <summary>The mail client the simulated reader uses.</summary>
    public const string SimulatedUserAgent = "Mozilla/5.0 (compatible; SesAnalytics embedded mailbox)";

    private readonly Outbox _outbox;
    private readonly SesEventPublisher _publisher;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OutboxEngagement> _logger;

    internal OutboxEngagement(
        Outbox outbox,
        SesEventPublisher publisher,
        TimeProvider timeProvider,
        ILogger<OutboxEngagement> logger)
    {
        _outbox = outbox;
        _publisher = publisher;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The pipeline that sent the message; null when the outbox has no message with that id.</summary>
    public async Task<string?> FindPipelineAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        return (await _outbox.FindAsync(messageId.Trim(), cancellationToken))?.Pipeline;
    }

    /// <summary>Publishes an Open for the message; false when the outbox has no message with that id.</summary>
    public async Task<bool> PublishOpenAsync(string messageId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        if (await _outbox.FindAsync(messageId.Trim(), cancellationToken) is not { } entry)
        {
            return false;
        }

        EnsureDelivered(entry);
        var now = EventTimestamps.Truncate(_timeProvider.GetUtcNow());
        var document = SesEventDocuments.Open(Mail(entry), now, SimulatedIpAddress, SimulatedUserAgent);
        await _publisher.PublishAsync(entry.Pipeline, [(document, now)], cancellationToken);
        Log.EngagementPublished(_logger, "Open", entry.MessageId, entry.Pipeline);
        return true;
    }

    /// <summary>
    /// Publishes a Click on <paramref name="link"/> (an absolute http or https URL), or when none is given on the first
    /// link of the message's HTML part. False when the outbox has no message with that id.
    /// </summary>
    /// <exception cref="InvalidOperationException">The message bounced.</exception>
    /// <exception cref="ArgumentException">The link is not an absolute http(s) URL, or none was given and the message has none.</exception>
    public async Task<bool> PublishClickAsync(string messageId, string? link, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        if (link is not null &&
            (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ArgumentException($"'{link}' is not an absolute http or https URL.", nameof(link));
        }

        if (await _outbox.FindAsync(messageId.Trim(), cancellationToken) is not { } entry)
        {
            return false;
        }

        EnsureDelivered(entry);
        var target = link ?? entry.FirstLink
            ?? throw new ArgumentException(
                $"Message {entry.MessageId} has no link in its HTML part: give the link to click.",
                nameof(link));
        var now = EventTimestamps.Truncate(_timeProvider.GetUtcNow());
        var document = SesEventDocuments.Click(Mail(entry), now, SimulatedIpAddress, SimulatedUserAgent, target);
        await _publisher.PublishAsync(entry.Pipeline, [(document, now)], cancellationToken);
        Log.EngagementPublished(_logger, "Click", entry.MessageId, entry.Pipeline);
        return true;
    }

    /// <summary>A message that bounced never reached a mailbox, so nobody can open it or click in it.</summary>
    private static void EnsureDelivered(OutboxEntry entry)
    {
        if (MailboxSimulator.OutcomeFor(entry.Recipient) is SimulatedOutcome.Bounced or SimulatedOutcome.OnSuppressionList)
        {
            throw new InvalidOperationException($"Message {entry.MessageId} bounced; it was never delivered, so it cannot be opened or clicked.");
        }
    }

    private static JsonObject Mail(OutboxEntry entry) =>
        JsonNode.Parse(entry.Mail) as JsonObject
        ?? throw new InvalidDataException($"The outbox entry of message {entry.MessageId} holds no mail object.");
}
