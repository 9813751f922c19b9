using System.Text.Json;
using System.Text.Json.Nodes;
using SesAnalytics.Core.Events;

namespace SesAnalytics.Tests.Reading;

public sealed class SesMessageReaderTests
{
    private const string MessageId = "0100019276d8b9db-68b3478b-d341-4361-9888-11e7d39ba92d-000000";

    /// <summary>An event-publishing Open as SES writes it.</summary>
    private const string Open = """
        {"eventType":"Open",
         "mail":{"timestamp":"2026-01-13T10:20:00.000Z","source":"news@example.org",
                 "messageId":"0100019276d8b9db-68b3478b-d341-4361-9888-11e7d39ba92d-000000",
                 "destination":["ana@example.com"],
                 "tags":{"campaign":["spring-2026"],"ses:configuration-set":["outreach-tracking"]}},
         "open":{"timestamp":"2026-01-13T10:20:30.123Z","userAgent":"Mail/1.0","ipAddress":"192.0.2.1"}}
        """;

    [Fact]
    public void Read_EventPublishingOpen_ReadsEveryField()
    {
        var result = SesMessageReader.Read(Open);

        Assert.Equal(ReadStatus.Ok, result.Status);
        var e = Assert.Single(result.Events);
        Assert.Equal(MessageId, e.MessageId);
        Assert.Equal(SesEventType.Open, e.EventType);
        Assert.Equal("ana@example.com", e.Recipient);
        Assert.Equal("2026-01-13T10:20:30.123Z", EventTimestamps.Format(e.Timestamp));
        Assert.Equal("2026-01-13T10:20:00.000Z", EventTimestamps.Format(e.SentAt!.Value));
        Assert.Equal("spring-2026", e.CampaignId);
        Assert.Equal("outreach-tracking", e.Tags["ses:configuration-set"]);
        Assert.Equal("Mail/1.0", e.UserAgent);
        Assert.Equal("192.0.2.1", e.IpAddress);
    }

    [Fact]
    public void Read_KeysInAnyLetterCase_ReadsEvent()
    {
        const string body = """
            {"EVENTTYPE":"open",
             "Mail":{"TimeStamp":"2026-01-13T10:20:00.000Z","MessageID":"m-1","DESTINATION":["ana@example.com"],
                     "Tags":{"campaign":["c-1"]}},
             "OPEN":{"timestamp":"2026-01-13T10:20:30.123Z","UserAgent":"Mail/1.0","IPADDRESS":"192.0.2.1"}}
            """;

        var result = SesMessageReader.Read(body);

        var e = Assert.Single(result.Events);
        Assert.Equal(("m-1", SesEventType.Open, "c-1"), (e.MessageId, e.EventType, e.CampaignId));
        Assert.Equal(("Mail/1.0", "192.0.2.1"), (e.UserAgent, e.IpAddress));
        Assert.Equal("2026-01-13T10:20:30.123Z", EventTimestamps.Format(e.Timestamp));
    }

    [Theory]
    [InlineData("\"Doe, Jane\" <Jane.Doe@Example.COM>")]
    [InlineData("Jane Doe <jane.doe@example.com>")]
    [InlineData("=?UTF-8?B?SmFuZSBEb2U=?= <JANE.DOE@example.com>")]
    [InlineData("jane.doe@example.com (Jane Doe)")]
    [InlineData("  JANE.DOE@EXAMPLE.COM  ")]
    public void Read_RecipientWithDisplayName_KeepsBareLowerCaseAddress(string recipient)
    {
        var body = Delivery(JsonSerializer.Serialize(recipient));

        var result = SesMessageReader.Read(body);

        Assert.Equal("jane.doe@example.com", Assert.Single(result.Events).Recipient);
    }

    [Theory]
    [InlineData("<recipient-email-address>")]
    [InlineData("plainstring")]
    [InlineData("a@b.com, c@d.com")]
    [InlineData("a b@c.com")]
    [InlineData("jane@example.com\r\nBcc: x@example.com")]
    [InlineData("")]
    public void Read_RecipientThatIsNotAnAddress_InvalidNamingTheField(string recipient)
    {
        var body = Delivery(JsonSerializer.Serialize(recipient));

        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.Contains("delivery.recipients[0]", result.Reason);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Read_AddressLongerThanSmtpAllows_Invalid()
    {
        var body = Delivery(JsonSerializer.Serialize(new string('a', 250) + "@example.com"));

        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
    }

    [Fact]
    public void Read_MultipleRecipients_OneEventPerRecipientWithTypeFields()
    {
        const string body = """
            {"notificationType":"Bounce",
             "bounce":{"bounceType":"Transient","bounceSubType":"MailboxFull","timestamp":"2026-01-13T10:21:00.000Z",
                       "bouncedRecipients":[{"emailAddress":"ana@example.com"},{"emailAddress":"Bo <bo@example.com>"},
                                            {"emailAddress":"ANA@example.com"}]},
             "mail":{"timestamp":"2026-01-13T10:20:00.000Z","messageId":"m-2",
                     "destination":["ana@example.com","bo@example.com","cy@example.com"]}}
            """;

        var result = SesMessageReader.Read(body);

        Assert.Equal(["ana@example.com", "bo@example.com"], result.Events.Select(e => e.Recipient));
        Assert.All(result.Events, e => Assert.Equal(("Transient", "MailboxFull"), (e.BounceType, e.BounceSubType)));
    }

    [Fact]
    public void Read_TagsGivenAsStrings_EachCountsAsOneValue()
    {
        const string body = """
            {"eventType":"Send","send":{},
             "mail":{"timestamp":"2026-01-13T10:20:00.000Z","messageId":"m-3","destination":["ana@example.com"],
                     "tags":{"campaign":"spring-2026","segment":["smb","enterprise"],"empty":[],"count":7,"gone":null}}}
            """;

        var e = Assert.Single(SesMessageReader.Read(body).Events);

        Assert.Equal("spring-2026", e.CampaignId);
        Assert.Equal(
            new Dictionary<string, string> { ["campaign"] = "spring-2026", ["segment"] = "smb", ["count"] = "7" },
            e.Tags);
    }

    [Fact]
    public void Read_SnsEnvelopeAroundIdentityNotification_ReadsEventWithItsOwnTime()
    {
        var message = """
            {"notificationType":"Complaint",
             "complaint":{"complainedRecipients":[{"emailAddress":"ana@example.com"}],
                          "timestamp":"2026-01-13T11:00:00.000Z","complaintFeedbackType":"abuse"},
             "mail":{"timestamp":"2026-01-13T10:20:00.000Z","messageId":"m-4","destination":["ana@example.com"]}}
            """;
        var body = Envelope(message, "2026-01-13T11:00:05.000Z");

        var result = SesMessageReader.Read(body);

        var e = Assert.Single(result.Events);
        Assert.Equal((SesEventType.Complaint, "abuse"), (e.EventType, e.ComplaintFeedbackType));
        Assert.Equal("2026-01-13T11:00:00.000Z", EventTimestamps.Format(e.Timestamp));
    }

    [Fact]
    public void Read_NoTimeInEventOrMail_UsesEnvelopeTimestamp()
    {
        var message = """
            {"eventType":"Delivery","delivery":{"recipients":["ana@example.com"]},
             "mail":{"timestamp":"not a time","messageId":"m-5","destination":["ana@example.com"]}}
            """;

        var result = SesMessageReader.Read(Envelope(message, "2026-01-13T11:00:05.678Z"));

        var e = Assert.Single(result.Events);
        Assert.Equal("2026-01-13T11:00:05.678Z", EventTimestamps.Format(e.Timestamp));
        Assert.Null(e.SentAt);
    }

    [Fact]
    public void Read_NoValidTimestampAnywhere_Invalid()
    {
        var body = """
            {"eventType":"Delivery","delivery":{"recipients":["ana@example.com"],"timestamp":1768300000},
             "mail":{"timestamp":"timestamp","messageId":"m-6","destination":["ana@example.com"]}}
            """;

        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.Contains("timestamp", result.Reason);
    }

    [Theory]
    [InlineData("2022-11-25T09:25:24.231419+00:00", "2022-11-25T09:25:24.231Z")]
    [InlineData("2022-11-25T11:25:24.2319+02:00", "2022-11-25T09:25:24.231Z")]
    [InlineData("2022-11-25T09:25:24.231999999Z", "2022-11-25T09:25:24.231Z")]
    [InlineData("2022-11-25T09:25:24Z", "2022-11-25T09:25:24.000Z")]
    [InlineData("2022-11-25T09:25:24.5", "2022-11-25T09:25:24.500Z")]
    public void Read_TimestampInOtherIsoForms_UtcTruncatedToMilliseconds(string timestamp, string expected)
    {
        var body = Delivery("\"ana@example.com\"", timestamp);

        var result = SesMessageReader.Read(body);

        Assert.Equal(expected, EventTimestamps.Format(Assert.Single(result.Events).Timestamp));
    }

    [Fact]
    public void Read_SendEvent_TimedByMailTimestamp()
    {
        const string body = """
            {"eventType":"Send","send":{"timestamp":"2026-01-13T10:29:00.000Z"},
             "mail":{"timestamp":"2026-01-13T10:20:00.000Z","messageId":"m-7","destination":["ana@example.com"]}}
            """;

        var e = Assert.Single(SesMessageReader.Read(body).Events);

        Assert.Equal("2026-01-13T10:20:00.000Z", EventTimestamps.Format(e.Timestamp));
    }

    [Fact]
    public void Read_LambdaSqsRecords_ReadsEveryBodyRawOrEnveloped()
    {
        var payload = new JsonObject
        {
            ["Records"] = new JsonArray(
                new JsonObject { ["messageId"] = "q-1", ["eventSource"] = "aws:sqs", ["body"] = Open },
                new JsonObject
                {
                    ["messageId"] = "q-2",
                    ["eventSource"] = "aws:sqs",
                    ["body"] = Envelope(Delivery("\"bo@example.com\"")),
                }),
        };

        var result = SesMessageReader.Read(payload.ToJsonString());

        Assert.Equal(ReadStatus.Ok, result.Status);
        Assert.Equal(
            [(SesEventType.Open, "ana@example.com"), (SesEventType.Delivery, "bo@example.com")],
            result.Events.Select(e => (e.EventType, e.Recipient)));
    }

    [Fact]
    public void Read_LambdaSnsRecords_ReadsEveryEnvelope()
    {
        var payload = new JsonObject
        {
            ["Records"] = new JsonArray(
                new JsonObject
                {
                    ["EventSource"] = "aws:sns",
                    ["Sns"] = JsonNode.Parse(Envelope(Open)),
                },
                new JsonObject
                {
                    ["EventSource"] = "aws:sns",
                    ["Sns"] = JsonNode.Parse(Envelope(Delivery("\"bo@example.com\""))),
                }),
        };

        var result = SesMessageReader.Read(payload.ToJsonString());

        Assert.Equal(["ana@example.com", "bo@example.com"], result.Events.Select(e => e.Recipient));
    }

    [Fact]
    public void Read_LambdaRecordThatIsInvalid_WholePayloadInvalidNamingTheRecord()
    {
        var payload = new JsonObject
        {
            ["Records"] = new JsonArray(
                new JsonObject { ["body"] = Open },
                new JsonObject { ["body"] = "{\"eventType\":\"Open\"}" }),
        };

        var result = SesMessageReader.Read(payload.ToJsonString());

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.StartsWith("Records[1]:", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LambdaRecordsAllControlMessages_Ignored()
    {
        var payload = new JsonObject
        {
            ["Records"] = new JsonArray(
                new JsonObject { ["body"] = "Successfully validated SNS topic for Amazon SES event publishing." },
                new JsonObject { ["Sns"] = new JsonObject { ["Type"] = "SubscriptionConfirmation", ["Message"] = "confirm" } }),
        };

        var result = SesMessageReader.Read(payload.ToJsonString());

        Assert.Equal(ReadStatus.Ignored, result.Status);
    }

    [Theory]
    [InlineData("{\"Records\":[]}")]
    [InlineData("{\"Records\":{}}")]
    [InlineData("{\"Records\":[42]}")]
    [InlineData("{\"Records\":[{\"eventSource\":\"aws:s3\"}]}")]
    public void Read_LambdaPayloadWithoutUsableRecords_Invalid(string body)
    {
        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.Contains("Records", result.Reason);
    }

    [Theory]
    [InlineData("Successfully validated SNS topic for Amazon SES event publishing.")]
    [InlineData("{\"Type\":\"SubscriptionConfirmation\",\"Message\":\"confirm\"}")]
    [InlineData("{\"Type\":\"UnsubscribeConfirmation\",\"Message\":\"bye\"}")]
    [InlineData("{\"notificationType\":\"AmazonSnsSubscriptionSucceeded\",\"message\":\"ok\"}")]
    [InlineData("{\"notificationType\":\"Received\",\"mail\":{}}")]
    public void Read_ControlAndInboundMessages_IgnoredWithReason(string body)
    {
        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Ignored, result.Status);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void Read_TruncatedJson_InvalidSayingNotJson()
    {
        var result = SesMessageReader.Read(Open[..(Open.Length / 2)]);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.Contains("not JSON", result.Reason);
    }

    [Fact]
    public void Read_EnvelopeWhoseMessageIsTruncatedJson_InvalidNamingTheMessage()
    {
        var result = SesMessageReader.Read(Envelope(Open[..40]));

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.Contains("SNS Message is not JSON", result.Reason);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("'text'", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    [InlineData("{}", "no event type")]
    [InlineData("{'eventType':7}", "eventType is a number")]
    [InlineData("{'eventType':'Open','mail':[]}", "mail is an array")]
    [InlineData("{'eventType':'Open','mail':{'messageId':12}}", "mail.messageId missing")]
    [InlineData("{'eventType':'Open','mail':{'messageId':'m','destination':{}}}", "mail.destination is an object")]
    [InlineData("{'eventType':'Open','mail':{'messageId':'m','destination':[]}}", "mail.destination is empty")]
    [InlineData("{'eventType':'Open','mail':{'messageId':'m','destination':[null]}}", "mail.destination[0]")]
    [InlineData("{'eventType':'Bounce','mail':{'messageId':'m','destination':['a@example.com']}}", "bounce.bouncedRecipients missing")]
    [InlineData("{'eventType':'Bounce','bounce':[],'mail':{'messageId':'m','destination':['a@example.com']}}", "bounce.bouncedRecipients missing")]
    [InlineData("{'Type':'Notification','Message':[1]}", "SNS Message is an array")]
    [InlineData("{'Type':'Notification'}", "SNS Message is missing")]
    [InlineData("{'Type':'Something','Message':'x'}", "unknown SNS message type")]
    public void Read_JsonOfTheWrongShape_InvalidNamingWhatIsWrong(string singleQuoted, string expectedReason)
    {
        var body = singleQuoted.Replace('\'', '"');

        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.Contains(expectedReason, result.Reason);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\t")]
    public void Read_EmptyBody_Invalid(string body)
    {
        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.Contains("empty", result.Reason);
    }

    [Theory]
    [InlineData(100)]
    [InlineData(100_000)]
    public void Read_DeeplyNestedJson_InvalidWithoutThrowing(int depth)
    {
        var body = "{\"eventType\":\"Open\",\"x\":" + new string('[', depth) + new string(']', depth) + "}";

        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.Contains("depth", result.Reason);
    }

    [Fact]
    public void Read_EnvelopesNestedInsideEachOther_InvalidPastTheLimit()
    {
        var body = Open;
        for (var i = 0; i <= SesMessageReader.MaxEmbeddedDocuments; i++)
        {
            body = Envelope(body);
        }

        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.Contains("embedded", result.Reason);
    }

    [Theory]
    [InlineData("Opened")]
    [InlineData("Bounced")]
    [InlineData("Rendering")]
    public void Read_UnknownEventType_InvalidQuotingTheName(string eventType)
    {
        var body = Open.Replace("\"Open\"", $"\"{eventType}\"", StringComparison.Ordinal);

        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.Contains($"unknown event type '{eventType}'", result.Reason);
    }

    [Theory]
    [InlineData("Rendering Failure", SesEventType.RenderingFailure)]
    [InlineData("RENDERING_FAILURE", SesEventType.RenderingFailure)]
    [InlineData("DeliveryDelay", SesEventType.DeliveryDelay)]
    [InlineData("delivery_delay", SesEventType.DeliveryDelay)]
    [InlineData("Subscription", SesEventType.Subscription)]
    [InlineData("Reject", SesEventType.Reject)]
    public void Read_EventNameSpelledAnyWay_MapsToType(string eventType, SesEventType expected)
    {
        var body = $$$"""
            {"eventType":"{{{eventType}}}",
             "deliveryDelay":{"delayedRecipients":[{"emailAddress":"ana@example.com"}],"timestamp":"2026-01-13T10:25:00.000Z"},
             "mail":{"timestamp":"2026-01-13T10:20:00.000Z","messageId":"m-8","destination":["ana@example.com"]}}
            """;

        var result = SesMessageReader.Read(body);

        Assert.Equal(expected, Assert.Single(result.Events).EventType);
    }

    [Fact]
    public void Read_BodyOf256Kilobytes_ReadsEvent()
    {
        var node = JsonNode.Parse(Open)!.AsObject();
        node["mail"]!["commonHeaders"] = new JsonObject { ["subject"] = new string('s', 256 * 1024) };
        var body = node.ToJsonString();

        var result = SesMessageReader.Read(body);

        Assert.True(body.Length > 256 * 1024);
        Assert.Equal("ana@example.com", Assert.Single(result.Events).Recipient);
    }

    [Fact]
    public void Read_HugeStringsWhereNamesBelong_InvalidWithShortReason()
    {
        var huge = new string('x', 300 * 1024);
        var body = Open.Replace("\"Open\"", $"\"{huge}\"", StringComparison.Ordinal);

        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.True(result.Reason!.Length < 200);
    }

    [Fact]
    public void Read_LongUnknownEventTypeEndingInEmoji_ReasonIsValidText()
    {
        var name = new string('x', 63) + "\U0001F600 and more";
        var body = Open.Replace("\"Open\"", JsonSerializer.Serialize(name), StringComparison.Ordinal);
        var strictUtf8 = new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.NotEmpty(strictUtf8.GetBytes(result.Reason!));
    }

    [Fact]
    public void Read_MessageIdFarLongerThanSesWrites_Invalid()
    {
        var body = Open.Replace(MessageId, new string('m', 10_000), StringComparison.Ordinal);

        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
        Assert.Contains("mail.messageId", result.Reason);
    }

    [Theory]
    [InlineData("{\"eventType\":\"\\uD800\"}")]
    [InlineData("{\"\\uD800\":1,\"eventType\":\"Open\",\"mail\":{\"messageId\":\"\\uDC00\"}}")]
    [InlineData("{\"eventType\":\"Open\",\"mail\":{\"messageId\":\"m\",\"destination\":[\"\\uD800@example.com\"]}}")]
    public void Read_EscapedLoneSurrogates_InvalidWithoutThrowing(string body)
    {
        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Invalid, result.Status);
    }

    [Fact]
    public void Read_UnpairedSurrogateInBodyText_DoesNotThrow()
    {
        var body = Open.Replace("Mail/1.0", "Mail/\uD800", StringComparison.Ordinal);

        var result = SesMessageReader.Read(body);

        Assert.Equal(ReadStatus.Ok, result.Status);
    }

    [Fact]
    public void Read_UnknownPropertiesAndNulls_Ignored()
    {
        const string body = """
            {"eventType":"Click","extra":{"deep":[1,2,{"x":null}]},
             "mail":{"timestamp":"2026-01-13T10:20:00.000Z","messageId":"m-9","destination":["ana@example.com"],
                     "tags":null,"headers":null},
             "click":{"timestamp":"2026-01-13T10:22:00.000Z","link":null,"userAgent":5,"ipAddress":["192.0.2.1"],
                      "linkTags":{"a":["b"]}}}
            """;

        var e = Assert.Single(SesMessageReader.Read(body).Events);

        Assert.Equal(SesEventType.Click, e.EventType);
        Assert.Null(e.CampaignId);
        Assert.Empty(e.Tags);
        Assert.Equal((null, null, null), (e.Link, e.UserAgent, e.IpAddress));
    }

    private static string Delivery(string recipientJson, string timestamp = "2026-01-13T10:21:00.000Z") => $$$"""
        {"eventType":"Delivery",
         "mail":{"timestamp":"2026-01-13T10:20:00.000Z","messageId":"m-d","destination":[{{{recipientJson}}}]},
         "delivery":{"timestamp":"{{{timestamp}}}","recipients":[{{{recipientJson}}}]}}
        """;

    private static string Envelope(string message, string timestamp = "2026-01-13T12:00:00.000Z") =>
        new JsonObject
        {
            ["Type"] = "Notification",
            ["MessageId"] = Guid.NewGuid().ToString(),
            ["TopicArn"] = "arn:aws:sns:us-east-1:111122223333:ses-email-events",
            ["Message"] = message,
            ["Timestamp"] = timestamp,
        }.ToJsonString();
}
