using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Amazon;
using Amazon.Runtime.Signing;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Aws.Ses;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Sending;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws;

[Collection(AwsEmulatorsCollection.Name)]
public sealed class SesEmailSenderEmulatorTests(AwsEmulators emulators) : IAsyncLifetime
{
    private readonly RequestRecorder _recorder = new();
    private readonly string _template = EmulatorAws.UniqueName("spring-offer");
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _services = AwsTestServices.Build(
            emulators,
            [],
            configure: services => services.AddHttpClient(SesV2Api.HttpClientName).AddHttpMessageHandler(_recorder.CreateHandler));
        await _services.GetRequiredService<IEmailTemplates>().PutAsync(
            new EmailTemplate(_template, "Hello {{firstName}}", "<p>Hi {{firstName}}, spring is here.</p>", "Hi {{firstName}}!"),
            CancellationToken.None);
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    [Fact]
    public async Task SendAsync_StoredTemplateToOneRecipient_EmulatorStoresRenderedEmailWithHeaders()
    {
        var to = Recipient();
        var sender = _services.GetRequiredService<IEmailSender>();

        var outcomes = await sender.SendAsync([TestEmails.Outreach(to, TestEmails.Stored(_template))], CancellationToken.None);

        var outcome = Assert.Single(outcomes);
        Assert.Equal(SendStatus.Sent, outcome.Status);
        Assert.Equal(to, outcome.Recipient);
        var stored = await StoredEmailAsync(outcome.MessageId!);
        Assert.Equal("outreach@example.com", stored.GetProperty("from").GetString());
        Assert.Equal(to, Assert.Single(stored.GetProperty("destination").GetProperty("to").EnumerateArray()).GetString());
        Assert.Equal("Hello Ana", stored.GetProperty("subject").GetString());
        Assert.Equal("<p>Hi Ana, spring is here.</p>", stored.GetProperty("body").GetProperty("html").GetString());
        Assert.Equal("Hi Ana!", stored.GetProperty("body").GetProperty("text").GetString());
        var headers = Headers(stored);
        Assert.Equal($"<https://app.example.com/api/unsubscribe?token={Uri.EscapeDataString(to)}>", headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task SendAsync_StoredTemplate_RequestCarriesTagsConfigurationSetAndHeaders()
    {
        var to = Recipient();
        var sender = _services.GetRequiredService<IEmailSender>();

        await sender.SendAsync([TestEmails.Outreach(to, TestEmails.Stored(_template))], CancellationToken.None);

        var request = Assert.Single(_recorder.Requests, r => r.Uri.AbsolutePath == "/v2/email/outbound-emails" && r.Body.Contains(to));
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("outreach-tracking", root.GetProperty("ConfigurationSetName").GetString());
        Assert.Equal(
            ["campaign=spring-2026", "segment=smb"],
            root.GetProperty("EmailTags").EnumerateArray().Select(t => $"{t.GetProperty("Name")}={t.GetProperty("Value")}"));
        var template = root.GetProperty("Content").GetProperty("Template");
        Assert.Equal(_template, template.GetProperty("TemplateName").GetString());
        Assert.Equal("""{"firstName":"Ana"}""", template.GetProperty("TemplateData").GetString());
        Assert.Equal(
            ["List-Unsubscribe", "List-Unsubscribe-Post"],
            template.GetProperty("Headers").EnumerateArray().Select(h => h.GetProperty("Name").GetString()));
    }

    [Fact]
    public async Task SendAsync_ThreeRecipients_SendsOneBulkRequestAndEachEmailGetsItsOwnHeaders()
    {
        string[] recipients = [Recipient(), Recipient(), Recipient()];
        var sender = _services.GetRequiredService<IEmailSender>();

        var outcomes = await sender.SendAsync(
            recipients.Select(to => TestEmails.Outreach(to, TestEmails.Stored(_template))).ToList(),
            CancellationToken.None);

        Assert.Equal(recipients, outcomes.Select(o => o.Recipient));
        Assert.All(outcomes, o => Assert.Equal(SendStatus.Sent, o.Status));
        var bulk = Assert.Single(_recorder.Requests, r => r.Body.Contains(recipients[0]));
        Assert.Equal("/v2/email/outbound-bulk-emails", bulk.Uri.AbsolutePath);
        using var json = JsonDocument.Parse(bulk.Body);
        Assert.Equal("outreach-tracking", json.RootElement.GetProperty("ConfigurationSetName").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("DefaultEmailTags").GetArrayLength());
        for (var i = 0; i < recipients.Length; i++)
        {
            var stored = await StoredEmailAsync(outcomes[i].MessageId!);
            Assert.Equal(recipients[i], Assert.Single(stored.GetProperty("destination").GetProperty("to").EnumerateArray()).GetString());
            Assert.Equal("Hello Ana", stored.GetProperty("subject").GetString());
            Assert.Equal(
                $"<https://app.example.com/api/unsubscribe?token={Uri.EscapeDataString(recipients[i])}>",
                Headers(stored)["List-Unsubscribe"]);
        }
    }

    [Fact]
    public async Task SendAsync_InlineTemplate_EmulatorStoresContentRenderedWithTheData()
    {
        var to = Recipient();
        var sender = _services.GetRequiredService<IEmailSender>();

        var outcomes = await sender.SendAsync(
            [TestEmails.Outreach(to, TestEmails.Inline("""{"firstName":"Bea"}"""))],
            CancellationToken.None);

        var stored = await StoredEmailAsync(Assert.Single(outcomes).MessageId!);
        Assert.Equal("Hello Bea", stored.GetProperty("subject").GetString());
        Assert.Equal("Hi Bea, spring is here.", stored.GetProperty("body").GetProperty("text").GetString());
    }

    [Fact]
    public async Task SendAsync_UnknownTemplate_ReportsEachRecipientRejectedWithSesMessage()
    {
        string[] recipients = [Recipient(), Recipient()];
        var sender = _services.GetRequiredService<IEmailSender>();

        var outcomes = await sender.SendAsync(
            recipients.Select(to => TestEmails.Outreach(to, TestEmails.Stored("no-such-template"))).ToList(),
            CancellationToken.None);

        Assert.All(outcomes, o =>
        {
            Assert.Equal(SendStatus.Rejected, o.Status);
            Assert.Null(o.MessageId);
            Assert.Contains("doesn't exist", o.Reason);
        });
    }

    [Fact]
    public async Task SendAsync_AnyRequest_CarriesTheSdkSigV4Signature()
    {
        var to = Recipient();
        var sender = _services.GetRequiredService<IEmailSender>();

        await sender.SendAsync([TestEmails.Outreach(to, TestEmails.Stored(_template))], CancellationToken.None);

        var request = Assert.Single(_recorder.Requests, r => r.Body.Contains(to));
        var authorization = request.Header("Authorization")!;
        var amzDate = request.Header("X-Amz-Date")!;
        Assert.StartsWith($"AWS4-HMAC-SHA256 Credential=test/{amzDate[..8]}/us-east-1/ses/aws4_request, ", authorization);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date", authorization);
        var signedAt = DateTime.ParseExact(
            amzDate,
            "yyyyMMdd'T'HHmmss'Z'",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var expected = ResignWithSdk(request, signedAt);
        Assert.Equal(expected, authorization);
    }

    private static string ResignWithSdk(RecordedRequest request, DateTime signedAt)
    {
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.Uri,
            Content = System.Text.Encoding.UTF8.GetBytes(request.Body),
        };
        signing.Headers["Content-Type"] = request.Header("Content-Type")!;
        var parameters = new AWSSigV4Parameters
        {
            Credentials = EmulatorAws.Credentials,
            Region = RegionEndpoint.USEast1,
            Service = "ses",
            SignedAt = signedAt,
        };
        return AWSSigV4Signer.Sign(signing, parameters).Headers["Authorization"];
    }

    private static string Recipient() => $"{EmulatorAws.UniqueName("reader")}@example.com";

    private static Dictionary<string, string> Headers(JsonElement stored) => stored.GetProperty("headers")
        .EnumerateArray()
        .ToDictionary(h => h.GetProperty("name").GetString()!, h => h.GetProperty("value").GetString()!);

    private async Task<JsonElement> StoredEmailAsync(string messageId)
    {
        using var http = new HttpClient { BaseAddress = emulators.SesUrl };
        var store = await http.GetFromJsonAsync<JsonElement>("/store");
        return store.GetProperty("emails").EnumerateArray().Single(e => e.GetProperty("messageId").GetString() == messageId);
    }
}
