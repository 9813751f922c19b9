using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SesAnalytics.Core.Events;
using SesAnalytics.Core.Sending;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Embedded;

public sealed class EmbeddedEmailSenderTests : IDisposable
{
    private const string Pipeline = "outreach";

    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = EmbeddedHarness.NewClock();
    private readonly EmbeddedHarness _harness;

    public EmbeddedEmailSenderTests() => _harness = EmbeddedHarness.Create(
        _folder.Path,
        _time,
        new Dictionary<string, string?> { ["SesAnalytics:Pipelines:outreach:Topic"] = "ses-email-events" });

    public void Dispose()
    {
        _harness.Dispose();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("success@simulator.amazonses.com", "Send,Delivery", null)]
    [InlineData("bounce@simulator.amazonses.com", "Send,Bounce", "General")]
    [InlineData("complaint@simulator.amazonses.com", "Send,Delivery,Complaint", null)]
    [InlineData("suppressionlist@simulator.amazonses.com", "Send,Bounce", "OnAccountSuppressionList")]
    [InlineData("ooto@simulator.amazonses.com", "Send,Delivery", null)]
    [InlineData("Bounce+spring@Simulator.AmazonSES.com", "Send,Bounce", "General")]
    [InlineData("ana@example.com", "Send,Delivery", null)]
    public async Task SendAsync_MailboxSimulatorAddress_PublishesTheEventsSesWould(string to, string expectedTypes, string? bounceSubType)
    {
        var outcomes = await _harness.Sender.SendAsync([Email(to)], CancellationToken.None);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(SendStatus.Sent, outcome.Status);
        var documents = await PublishedDocumentsAsync();
        Assert.Equal(expectedTypes, string.Join(',', documents.Select(d => d.GetProperty("eventType").GetString())));
        Assert.All(documents, d => Assert.Equal(outcome.MessageId, d.GetProperty("mail").GetProperty("messageId").GetString()));
        if (bounceSubType is not null)
        {
            var bounce = documents.Single(d => d.GetProperty("eventType").GetString() == "Bounce").GetProperty("bounce");
            Assert.Equal("Permanent", bounce.GetProperty("bounceType").GetString());
            Assert.Equal(bounceSubType, bounce.GetProperty("bounceSubType").GetString());
            Assert.Equal(to, bounce.GetProperty("bouncedRecipients")[0].GetProperty("emailAddress").GetString());
        }

        if (expectedTypes.EndsWith("Complaint", StringComparison.Ordinal))
        {
            var complaint = documents[^1].GetProperty("complaint");
            Assert.Equal("abuse", complaint.GetProperty("complaintFeedbackType").GetString());
            Assert.Equal(to, complaint.GetProperty("complainedRecipients")[0].GetProperty("emailAddress").GetString());
        }
    }

    [Fact]
    public async Task SendAsync_Email_PublishesSnsNotificationsFromThePipelineTopic()
    {
        await _harness.Sender.SendAsync([Email("ana@example.com")], CancellationToken.None);

        var bodies = await _harness.Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None);

        Assert.Equal(2, bodies.Count);
        Assert.All(bodies, body =>
        {
            using var envelope = JsonDocument.Parse(body.Body);
            Assert.Equal("Notification", envelope.RootElement.GetProperty("Type").GetString());
            Assert.EndsWith(":ses-email-events", envelope.RootElement.GetProperty("TopicArn").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.String, envelope.RootElement.GetProperty("Message").ValueKind);
            Assert.True(DateTimeOffset.TryParse(envelope.RootElement.GetProperty("Timestamp").GetString(), out _));
        });
    }

    [Fact]
    public async Task SendAsync_Email_MailObjectCarriesTagsHeadersAndTimestamp()
    {
        var outcome = (await _harness.Sender.SendAsync([Email("ana@example.com")], CancellationToken.None))[0];

        var mail = (await PublishedDocumentsAsync())[0].GetProperty("mail");

        Assert.Equal(EventTimestamps.Format(_time.GetUtcNow()), mail.GetProperty("timestamp").GetString());
        Assert.Equal(["ana@example.com"], mail.GetProperty("destination").EnumerateArray().Select(e => e.GetString()));
        var tags = mail.GetProperty("tags");
        Assert.Equal("spring-2026", tags.GetProperty("campaign")[0].GetString());
        Assert.Equal("smb", tags.GetProperty("segment")[0].GetString());
        Assert.Equal("outreach-tracking", tags.GetProperty("ses:configuration-set")[0].GetString());
        var common = mail.GetProperty("commonHeaders");
        Assert.Equal("Hello Ana & Bo", common.GetProperty("subject").GetString());
        Assert.Equal(outcome.MessageId, common.GetProperty("messageId").GetString());
        Assert.Equal("ana@example.com", common.GetProperty("to")[0].GetString());
        var headers = mail.GetProperty("headers").EnumerateArray()
            .ToDictionary(
                h => h.GetProperty("name").GetString()!,
                h => h.GetProperty("value").GetString(),
                StringComparer.OrdinalIgnoreCase);
        Assert.Equal("<https://example.com/u?t=1>", headers["List-Unsubscribe"]);
        Assert.Equal("1.0", headers["MIME-Version"]);
        Assert.StartsWith("multipart/alternative", headers["Content-Type"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("success@simulator.amazonses.com", "awsdocs-delivery.json")]
    [InlineData("bounce@simulator.amazonses.com", "awsdocs-bounce-permanent-general.json")]
    [InlineData("complaint@simulator.amazonses.com", "awsdocs-complaint-abuse.json")]
    public async Task SendAsync_Email_DocumentsHaveEveryPropertyOfTheSesSample(string to, string sample)
    {
        var samplePath = Path.Combine(RepositoryPaths.Samples, "event-publishing", sample);
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(samplePath));
        var eventType = expected.RootElement.GetProperty("eventType").GetString();
        var objectName = char.ToLowerInvariant(eventType![0]) + eventType[1..];

        await _harness.Sender.SendAsync([Email(to)], CancellationToken.None);
        var document = (await PublishedDocumentsAsync()).Single(d => d.GetProperty("eventType").GetString() == eventType);

        AssertHasProperties(expected.RootElement, document, "eventType", "mail", objectName);
        AssertHasProperties(expected.RootElement.GetProperty("mail"), document.GetProperty("mail"));
        AssertHasProperties(
            expected.RootElement.GetProperty("mail").GetProperty("commonHeaders"),
            document.GetProperty("mail").GetProperty("commonHeaders"));
        AssertHasProperties(expected.RootElement.GetProperty(objectName), document.GetProperty(objectName));
    }

    [Fact]
    public async Task SendAsync_Email_WritesTheMessageToTheOutbox()
    {
        var outcome = (await _harness.Sender.SendAsync([Email("Ana <ana@example.com>")], CancellationToken.None))[0];

        var path = Path.Combine(_folder.Path, "outbox", outcome.MessageId + ".eml");
        Assert.True(File.Exists(path), $"No .eml at {path}.");
        using var message = await MimeMessage.LoadAsync(path);
        Assert.Equal("Hello Ana & Bo", message.Subject);
        Assert.Equal(outcome.MessageId! + "@email.amazonses.com", message.MessageId);
        Assert.Equal("ana@example.com", message.To.Mailboxes.Single().Address);
        Assert.Equal("outreach@example.com", message.From.Mailboxes.Single().Address);
        Assert.Equal("<https://example.com/u?t=1>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        Assert.Contains("Hi Ana &amp; Bo", message.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Hi Ana & Bo", message.TextBody?.Trim());
        Assert.Equal(_time.GetUtcNow(), message.Date);
        Assert.Equal("Ana <ana@example.com>", outcome.Recipient);
    }

    [Fact]
    public async Task SendAsync_StoredTemplate_RendersItWithTheTemplateData()
    {
        await _harness.Templates.PutAsync(
            new EmailTemplate(
                "spring-offer",
                "Offer for {{firstName}}",
                "<b>{{firstName}}</b>{{#each items}}<i>{{this}}</i>{{/each}}",
                null),
            CancellationToken.None);
        var content = new EmailContent { TemplateName = "spring-offer", TemplateDataJson = """{"firstName":"Ana","items":["a","b"]}""" };

        var outcome = (await _harness.Sender.SendAsync([Email("ana@example.com", content)], CancellationToken.None))[0];

        using var message = await MimeMessage.LoadAsync(Path.Combine(_folder.Path, "outbox", outcome.MessageId + ".eml"));
        Assert.Equal("Offer for Ana", message.Subject);
        Assert.Contains("<b>Ana</b><i>a</i><i>b</i>", message.HtmlBody, StringComparison.Ordinal);
        Assert.Null(message.TextBody);
    }

    [Fact]
    public async Task SendAsync_MissingTemplate_RejectsEachRecipientNamingTheTemplate()
    {
        var content = new EmailContent { TemplateName = "no-such-template" };

        var outcomes = await _harness.Sender.SendAsync(
            [Email("ana@example.com", content), Email("bo@example.com", content)],
            CancellationToken.None);

        Assert.All(outcomes, o => Assert.Equal(SendStatus.Rejected, o.Status));
        Assert.All(outcomes, o => Assert.Contains("no-such-template", o.Reason, StringComparison.Ordinal));
        Assert.Equal(["ana@example.com", "bo@example.com"], outcomes.Select(o => o.Recipient));
        Assert.Empty(await _harness.Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None));
        var outbox = Path.Combine(_folder.Path, "outbox");
        Assert.False(Directory.Exists(outbox) && Directory.EnumerateFiles(outbox).Any());
    }

    [Theory]
    [InlineData("not-an-address", null, null, "recipient")]
    [InlineData("ana@example.com", "X-Bad", "line\r\nInjected: yes", "X-Bad")]
    [InlineData("ana@example.com", null, "{not json", "templateData")]
    public async Task SendAsync_BadEmail_RejectsItWithAReason(string to, string? headerName, string? value, string expectedInReason)
    {
        var email = Email(to);
        if (headerName is not null)
        {
            email = email with { Headers = [new(headerName, value!)] };
        }
        else if (value is not null)
        {
            email = email with { Content = email.Content with { TemplateDataJson = value } };
        }

        var outcome = Assert.Single(await _harness.Sender.SendAsync([email], CancellationToken.None));

        Assert.Equal(SendStatus.Rejected, outcome.Status);
        Assert.Contains(expectedInReason, outcome.Reason, StringComparison.Ordinal);
        Assert.Null(outcome.MessageId);
    }

    [Fact]
    public async Task SendAsync_SeveralRecipients_ReturnsOneOutcomePerEmailInOrder()
    {
        var outcomes = await _harness.Sender.SendAsync(
            [Email("ana@example.com"), Email("bad address"), Email("bo@example.com")],
            CancellationToken.None);

        Assert.Equal([SendStatus.Sent, SendStatus.Rejected, SendStatus.Sent], outcomes.Select(o => o.Status));
        Assert.NotEqual(outcomes[0].MessageId, outcomes[2].MessageId);
        Assert.Matches("^0100[0-9a-f]{12}-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}-000000$", outcomes[0].MessageId);
    }

    [Fact]
    public async Task SendAsync_ConcurrentRequests_RenderEachWithItsOwnData()
    {
        var names = Enumerable.Range(0, 12).Select(i => $"Reader{i}").ToList();

        var outcomes = await Task.WhenAll(names.Select(name => Task.Run(async () =>
        {
            var email = Email("ana@example.com");
            email = email with { Content = email.Content with { TemplateDataJson = $$"""{"firstName":"{{name}}"}""" } };
            return (name, (await _harness.Sender.SendAsync([email], CancellationToken.None))[0]);
        })));

        foreach (var (name, outcome) in outcomes)
        {
            using var message = await MimeMessage.LoadAsync(Path.Combine(_folder.Path, "outbox", outcome.MessageId! + ".eml"));
            Assert.Equal($"Hello {name}", message.Subject);
        }
    }

    [Fact]
    public async Task PublishOpenAsync_SentMessage_PublishesAnOpenForIt()
    {
        var outcome = (await _harness.Sender.SendAsync([Email("ana@example.com")], CancellationToken.None))[0];
        await PublishedDocumentsAsync();
        _time.Advance(TimeSpan.FromHours(3));

        var published = await _harness.Engagement.PublishOpenAsync(outcome.MessageId!, CancellationToken.None);

        Assert.True(published);
        var open = Assert.Single(await PublishedDocumentsAsync());
        Assert.Equal("Open", open.GetProperty("eventType").GetString());
        Assert.Equal(outcome.MessageId, open.GetProperty("mail").GetProperty("messageId").GetString());
        Assert.Equal("spring-2026", open.GetProperty("mail").GetProperty("tags").GetProperty("campaign")[0].GetString());
        Assert.Equal(EventTimestamps.Format(_time.GetUtcNow()), open.GetProperty("open").GetProperty("timestamp").GetString());
    }

    [Fact]
    public async Task PublishClickAsync_NoLinkGiven_ClicksTheFirstLinkOfTheMessage()
    {
        var outcome = (await _harness.Sender.SendAsync([Email("ana@example.com")], CancellationToken.None))[0];
        await PublishedDocumentsAsync();

        await _harness.Engagement.PublishClickAsync(outcome.MessageId!, null, CancellationToken.None);
        await _harness.Engagement.PublishClickAsync(outcome.MessageId!, "https://example.com/other", CancellationToken.None);

        var clicks = await PublishedDocumentsAsync();
        Assert.Equal(
            ["https://example.com/offer", "https://example.com/other"],
            clicks.Select(c => c.GetProperty("click").GetProperty("link").GetString()));
    }

    [Fact]
    public async Task PublishOpenAsync_UnknownMessage_ReturnsFalseAndPublishesNothing()
    {
        var published = await _harness.Engagement.PublishOpenAsync("0100000000000000-unknown-000000", CancellationToken.None);

        Assert.False(published);
        Assert.Empty(await _harness.Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task PublishClickAsync_LinkNotHttp_ThrowsNamingTheLink()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => _harness.Engagement.PublishClickAsync("any", "javascript:alert(1)", CancellationToken.None));

        Assert.Equal("link", error.ParamName);
    }

    private static OutgoingEmail Email(string to, EmailContent? content = null) => new()
    {
        Pipeline = Pipeline,
        From = "Outreach <outreach@example.com>",
        To = to,
        ConfigurationSet = "outreach-tracking",
        Content = content ?? new EmailContent
        {
            Subject = "Hello {{firstName}}",
            Html = "<p>Hi {{firstName}}</p><a href=\"https://example.com/offer\">offer</a>",
            Text = "Hi {{firstName}}",
            TemplateDataJson = """{"firstName":"Ana & Bo"}""",
        },
        Tags = new Dictionary<string, string> { ["campaign"] = "spring-2026", ["segment"] = "smb" },
        Headers =
        [
            new("List-Unsubscribe", "<https://example.com/u?t=1>"),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ],
    };

    private static void AssertHasProperties(JsonElement expected, JsonElement actual, params string[] names)
    {
        var wanted = names.Length > 0 ? names : expected.EnumerateObject().Select(p => p.Name).ToArray();
        var missing = wanted.Where(name => !actual.TryGetProperty(name, out _)).ToList();
        Assert.True(missing.Count == 0, $"Missing properties: {string.Join(", ", missing)} in {actual}");
    }

    /// <summary>Receives, deletes and unwraps everything on the pipeline's queue, in the order it was published.</summary>
    private async Task<List<JsonElement>> PublishedDocumentsAsync()
    {
        var messages = await _harness.Queues.ReceiveAsync(Pipeline, 10, TimeSpan.Zero, CancellationToken.None);
        await _harness.Queues.DeleteAsync(Pipeline, messages, CancellationToken.None);
        return messages
            .Select(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("Message").GetString()!)
            .Select(message => JsonDocument.Parse(message).RootElement)
            .ToList();
    }
}
