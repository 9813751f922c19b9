using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SesAnalytics.Aws;
using SesAnalytics.Aws.Ses;
using SesAnalytics.Core.Providers;
using SesAnalytics.Core.Sending;

namespace SesAnalytics.Tests.Aws;

/// <summary>How SES error answers become outcomes, with a scripted handler in place of SES.</summary>
public sealed class SesEmailSenderErrorTests
{
    [Fact]
    public async Task SendAsync_ThrottledThenAccepted_RetriesAndReportsSent()
    {
        var ses = new ScriptedSesHandler(
            ScriptedSesHandler.Error(HttpStatusCode.TooManyRequests, "TooManyRequestsException", "Too many requests."),
            ScriptedSesHandler.Error(HttpStatusCode.BadRequest, "LimitExceededException", "Maximum sending rate exceeded."),
            ScriptedSesHandler.Sent("0100-accepted"));
        using var services = Services(ses);

        var outcomes = await Send(services, "ana@example.com");

        Assert.Equal(SendOutcome.Sent("ana@example.com", "0100-accepted"), Assert.Single(outcomes));
        Assert.Equal(3, ses.Bodies.Count);
    }

    [Fact]
    public async Task SendAsync_ThrottledOnEveryTry_ReportsFailedAfterTheConfiguredRetries()
    {
        var ses = new ScriptedSesHandler(
            ScriptedSesHandler.Error(HttpStatusCode.BadRequest, "Throttling", "Maximum sending rate exceeded."));
        using var services = Services(ses, ("MaxSendRetries", "2"));

        var outcomes = await Send(services, "ana@example.com");

        var outcome = Assert.Single(outcomes);
        Assert.Equal(SendStatus.Failed, outcome.Status);
        Assert.StartsWith("throttled by SES after 3 attempts", outcome.Reason);
        Assert.Contains("Maximum sending rate exceeded", outcome.Reason);
        Assert.Equal(3, ses.Bodies.Count);
    }

    [Fact]
    public async Task SendAsync_TemplateMissing_ReportsRejectedWithSesMessage()
    {
        var ses = new ScriptedSesHandler(
            ScriptedSesHandler.Error(HttpStatusCode.NotFound, "NotFoundException", "Template spring-offer does not exist."));
        using var services = Services(ses);

        var outcomes = await Send(services, "ana@example.com");

        Assert.Equal(SendOutcome.Rejected("ana@example.com", "Template spring-offer does not exist."), Assert.Single(outcomes));
        Assert.Single(ses.Bodies);
    }

    [Theory]
    [InlineData("MessageRejected", "Email address is not verified.")]
    [InlineData("MailFromDomainNotVerifiedException", "The MAIL FROM domain is not verified.")]
    public async Task SendAsync_SesRefusesTheMessage_ReportsRejectedWithSesMessage(string errorType, string message)
    {
        var ses = new ScriptedSesHandler(ScriptedSesHandler.Error(HttpStatusCode.BadRequest, errorType, message));
        using var services = Services(ses);

        var outcomes = await Send(services, "ana@example.com");

        Assert.Equal(SendOutcome.Rejected("ana@example.com", message), Assert.Single(outcomes));
    }

    [Theory]
    [InlineData("AccountSendingPausedException")]
    [InlineData("SendingPausedException")]
    public async Task SendAsync_AccountSendingPaused_ReportsFailedAccountSendingPaused(string errorType)
    {
        var ses = new ScriptedSesHandler(
            ScriptedSesHandler.Error(HttpStatusCode.BadRequest, errorType, "Sending is paused for this account."));
        using var services = Services(ses);

        var outcomes = await Send(services, "ana@example.com", "bo@example.com");

        Assert.Equal(
            [
                SendOutcome.Failed("ana@example.com", "account sending paused"),
                SendOutcome.Failed("bo@example.com", "account sending paused"),
            ],
            outcomes);
        Assert.Single(ses.Bodies);
    }

    [Fact]
    public async Task SendAsync_ConfigurationSetSendingPaused_ReportsFailedConfigurationSetSendingPaused()
    {
        var ses = new ScriptedSesHandler(
            ScriptedSesHandler.Error(HttpStatusCode.BadRequest, "ConfigurationSetSendingPausedException", "Paused."));
        using var services = Services(ses);

        var outcomes = await Send(services, "ana@example.com");

        Assert.Equal(SendOutcome.Failed("ana@example.com", "configuration set sending paused"), Assert.Single(outcomes));
    }

    [Fact]
    public async Task SendAsync_OtherSesError_ReportsFailedWithTheCauseAndDoesNotRetry()
    {
        var ses = new ScriptedSesHandler(
            ScriptedSesHandler.Error(HttpStatusCode.InternalServerError, "InternalFailure", "An internal error occurred."));
        using var services = Services(ses);

        var outcomes = await Send(services, "ana@example.com");

        Assert.Equal(SendOutcome.Failed("ana@example.com", "SES InternalFailure: An internal error occurred."), Assert.Single(outcomes));
        Assert.Single(ses.Bodies);
    }

    [Fact]
    public async Task SendAsync_ConnectionFails_ReportsFailedWithTheCause()
    {
        var ses = new ScriptedSesHandler(ScriptedSesHandler.Throws(new HttpRequestException("Connection refused")));
        using var services = Services(ses);

        var outcomes = await Send(services, "ana@example.com");

        Assert.Equal(SendOutcome.Failed("ana@example.com", "SES request failed: Connection refused"), Assert.Single(outcomes));
    }

    [Fact]
    public async Task SendAsync_BulkWithMixedEntryStatuses_RetriesOnlyThrottledEntries()
    {
        var ses = new ScriptedSesHandler(
            ScriptedSesHandler.BulkResults("""
                [{"Status":"SUCCESS","MessageId":"m-ana"},
                 {"Status":"MESSAGE_REJECTED","Error":"Address blacklisted."},
                 {"Status":"ACCOUNT_THROTTLED","Error":"Maximum sending rate exceeded."},
                 {"Status":"ACCOUNT_SENDING_PAUSED","Error":"Sending paused."}]
                """),
            ScriptedSesHandler.Sent("m-cy"));
        using var services = Services(ses);

        var outcomes = await Send(services, "ana@example.com", "bo@example.com", "cy@example.com", "di@example.com");

        Assert.Equal(
            [
                SendOutcome.Sent("ana@example.com", "m-ana"),
                SendOutcome.Rejected("bo@example.com", "Address blacklisted."),
                SendOutcome.Sent("cy@example.com", "m-cy"),
                SendOutcome.Failed("di@example.com", "account sending paused"),
            ],
            outcomes);
        Assert.Equal(2, ses.Bodies.Count);
        using var retry = JsonDocument.Parse(ses.Bodies[1]);
        Assert.Equal("cy@example.com", retry.RootElement.GetProperty("Destination").GetProperty("ToAddresses")[0].GetString());
    }

    [Fact]
    public async Task SendAsync_MoreRecipientsThanTheRateAllows_SplitsBulkCallsAndSpreadsThemOverSeconds()
    {
        var ses = new ScriptedSesHandler(
            ScriptedSesHandler.BulkResults("""[{"Status":"SUCCESS","MessageId":"a"},{"Status":"SUCCESS","MessageId":"b"}]"""),
            ScriptedSesHandler.BulkResults("""[{"Status":"SUCCESS","MessageId":"c"},{"Status":"SUCCESS","MessageId":"d"}]"""),
            ScriptedSesHandler.Sent("e"));
        using var services = Services(ses, ("MaxSendsPerSecond", "2"));
        var stopwatch = Stopwatch.StartNew();

        var outcomes = await Send(services, "a@example.com", "b@example.com", "c@example.com", "d@example.com", "e@example.com");

        stopwatch.Stop();
        Assert.Equal(["a", "b", "c", "d", "e"], outcomes.Select(o => o.MessageId));
        Assert.Equal(3, ses.Bodies.Count);
        Assert.All(ses.Bodies.Take(2), body => Assert.Contains("BulkEmailEntries", body));
        // Two tokens at the start, two at the first refill, one at the second: at least one full refill period.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromSeconds(0.9), $"five sends at two per second took {stopwatch.Elapsed}");
    }

    [Fact]
    public async Task SendAsync_RecipientRejected_LogsTheMaskedAddressAndOneSummaryLine()
    {
        var ses = new ScriptedSesHandler(
            ScriptedSesHandler.Error(HttpStatusCode.BadRequest, "MessageRejected", "Address ana@example.com is on a list."));
        using var services = Services(ses);

        await Send(services, "ana@example.com");

        var logs = services.GetRequiredService<FakeLogCollector>().GetSnapshot();
        var rejected = Assert.Single(logs, l => l.Id.Name == "SesRecipientRejected");
        Assert.Equal("SES rejected the email of pipeline outreach to a***@example.com: MessageRejected", rejected.Message);
        var summary = Assert.Single(logs, l => l.Level == LogLevel.Information && l.Id.Name == "SesSendCompleted");
        Assert.Equal("SES send for pipeline outreach: 1 emails, 0 sent, 1 rejected, 0 failed", summary.Message);
        Assert.DoesNotContain(logs, l => l.Message.Contains("ana@example.com", StringComparison.Ordinal));
    }

    private static ServiceProvider Services(ScriptedSesHandler ses, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{AwsOptions.SectionName}:Region"] = "eu-west-1",
            [$"{AwsOptions.SectionName}:SesServiceUrl"] = "http://127.0.0.1:9",
            [$"{AwsOptions.SectionName}:SendRetryBaseDelay"] = "00:00:00.001",
        };
        foreach (var (key, value) in settings)
        {
            values[$"{AwsOptions.SectionName}:{key}"] = value;
        }

        return AwsTestServices.Build(
            new ConfigurationBuilder().AddInMemoryCollection(values).Build(),
            [],
            services =>
            {
                services.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug));
                services.AddHttpClient(SesV2Api.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => ses);
            });
    }

    private static Task<IReadOnlyList<SendOutcome>> Send(ServiceProvider services, params string[] recipients) =>
        services.GetRequiredService<IEmailSender>().SendAsync(
            recipients.Select(to => TestEmails.Outreach(to, TestEmails.Stored("spring-offer"))).ToList(),
            CancellationToken.None);
}
