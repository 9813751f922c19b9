using SesAnalytics.Core.Sending;

namespace SesAnalytics.Tests.Core;

public sealed class SendRequestParserTests
{
    [Fact]
    public void Parse_ValidRequest_ReadsEveryField()
    {
        const string body = """
            { "to": ["Ana@Example.com", "bo@example.org", "ana@example.com"], "templateName": "spring-offer",
              "templateData": { "firstName": "Ana" }, "campaignId": "spring-2026", "tags": { "segment": "smb" } }
            """;

        var request = SendRequestParser.Parse(body, 50, allowReportId: false, out var problems);

        Assert.Empty(problems);
        Assert.NotNull(request);
        Assert.Equal(["ana@example.com", "bo@example.org"], request.To);
        Assert.Equal("spring-offer", request.TemplateName);
        Assert.Equal("spring-2026", request.CampaignId);
        Assert.Equal("smb", request.Tags["segment"]);
        Assert.Contains("\"firstName\"", request.TemplateDataJson, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SingleAddressAndInlineContent_Accepted()
    {
        const string body = """
            { "to": "ana@example.com", "campaignId": "c1",
              "templateContent": { "subject": "Hi {{name}}", "html": "<p>Hi</p>" } }
            """;

        var request = SendRequestParser.Parse(body, 1, allowReportId: true, out var problems);

        Assert.Empty(problems);
        Assert.Equal("Hi {{name}}", request!.TemplateContent!.Subject);
        Assert.Null(request.TemplateName);
    }

    [Theory]
    [InlineData("{", "body")]
    [InlineData("[]", "body")]
    [InlineData("""{ "to": "ana@example.com", "templateName": "t" }""", "campaignId")]
    [InlineData("""{ "to": "not-an-address", "templateName": "t", "campaignId": "c" }""", "to")]
    [InlineData("""{ "to": ["a@example.com", 5], "templateName": "t", "campaignId": "c" }""", "to[1]")]
    [InlineData("""{ "to": [], "templateName": "t", "campaignId": "c" }""", "to")]
    [InlineData("""{ "to": "a@example.com", "campaignId": "c" }""", "templateName")]
    [InlineData("""{ "to": "a@example.com", "templateName": "t", "campaignId": "has space" }""", "campaignId")]
    [InlineData("""{ "to": "a@example.com", "templateName": "t", "campaignId": 7 }""", "campaignId")]
    [InlineData("""{ "to": "a@example.com", "templateName": "t", "campaignId": "c", "tags": { "campaign": "x" } }""", "tags.campaign")]
    [InlineData("""{ "to": "a@example.com", "templateName": "t", "campaignId": "c", "tags": { "a b": "x" } }""", "tags.a b")]
    [InlineData("""{ "to": "a@example.com", "templateName": "t", "campaignId": "c", "templateData": [1] }""", "templateData")]
    [InlineData("""{ "to": "a@example.com", "campaignId": "c", "templateContent": { "subject": "a\r\nBcc: x@example.com", "text": "t" } }""", "templateContent.subject")]
    [InlineData("""{ "to": "a@example.com\r\nBcc: x@example.com", "templateName": "t", "campaignId": "c" }""", "to")]
    [InlineData("""{ "to": "Ana <a@example.com>", "templateName": "t", "campaignId": "c" }""", "to")]
    [InlineData("""{ "to": "a@example.com", "templateName": "t", "campaignId": "c\ud800" }""", "body")]
    [InlineData("""{ "to": "a@example.com", "templateName": "../../etc/passwd", "campaignId": "c" }""", "templateName")]
    [InlineData("""{ "to": "a@example.com", "campaignId": "c", "templateContent": { "subject": "s" } }""", "templateContent")]
    public void Parse_BadRequest_NamesTheField(string body, string field)
    {
        var request = SendRequestParser.Parse(body, 50, allowReportId: false, out var problems);

        Assert.Null(request);
        Assert.Contains(problems, p => p.Parameter == field);
    }

    [Fact]
    public void Parse_LocalPartOver64Characters_NamesTo()
    {
        var body = $$"""{ "to": "{{new string('a', 65)}}@example.com", "templateName": "t", "campaignId": "c" }""";

        var request = SendRequestParser.Parse(body, 1, allowReportId: false, out var problems);

        Assert.Null(request);
        Assert.Equal("to", Assert.Single(problems).Parameter);
    }

    [Fact]
    public void Parse_InvalidTemplateContent_DoesNotAlsoClaimTheTemplateNameIsMissing()
    {
        const string body = """{ "to": "a@example.com", "campaignId": "c", "templateContent": { "subject": "a\nb", "text": "t" } }""";

        SendRequestParser.Parse(body, 1, allowReportId: false, out var problems);

        Assert.Equal("templateContent.subject", Assert.Single(problems).Parameter);
    }

    [Fact]
    public void Parse_MoreRecipientsThanAllowed_NamesTo()
    {
        const string body = """{ "to": ["a@example.com", "b@example.com"], "templateName": "t", "campaignId": "c" }""";

        var request = SendRequestParser.Parse(body, 1, allowReportId: true, out var problems);

        Assert.Null(request);
        Assert.Equal("to", Assert.Single(problems).Parameter);
    }

    [Fact]
    public void Parse_TemplateDataOverLimit_NamesTemplateData()
    {
        var big = new string('x', SendRequestParser.MaxTemplateDataBytes);
        var body = $$"""{ "to": "a@example.com", "templateName": "t", "campaignId": "c", "templateData": { "v": "{{big}}" } }""";

        var request = SendRequestParser.Parse(body, 1, allowReportId: false, out var problems);

        Assert.Null(request);
        Assert.Equal("templateData", Assert.Single(problems).Parameter);
    }
}
