using SesAnalytics.Core.Pipelines;
using SesAnalytics.Core.Sending;

namespace SesAnalytics.Tests.Aws;

/// <summary>Outgoing emails of the outreach pipeline as the send service would build them.</summary>
internal static class TestEmails
{
    public static OutgoingEmail Outreach(string to, EmailContent content, string campaign = "spring-2026") => new()
    {
        Pipeline = PipelineDefaults.Outreach,
        From = "outreach@example.com",
        To = to,
        ConfigurationSet = "outreach-tracking",
        Content = content,
        Tags = new Dictionary<string, string> { ["campaign"] = campaign, ["segment"] = "smb" },
        Headers =
        [
            new("List-Unsubscribe", $"<https://app.example.com/api/unsubscribe?token={Uri.EscapeDataString(to)}>"),
            new("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
        ],
    };

    public static EmailContent Stored(string templateName, string dataJson = """{"firstName":"Ana"}""") =>
        new() { TemplateName = templateName, TemplateDataJson = dataJson };

    public static EmailContent Inline(string dataJson = """{"firstName":"Ana"}""") => new()
    {
        Subject = "Hello {{firstName}}",
        Html = "<p>Hi {{firstName}}, spring is here.</p>",
        Text = "Hi {{firstName}}, spring is here.",
        TemplateDataJson = dataJson,
    };
}
