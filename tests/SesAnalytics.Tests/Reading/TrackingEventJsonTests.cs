using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SesAnalytics.Core.Events;

namespace SesAnalytics.Tests.Reading;

public sealed class TrackingEventJsonTests
{
    private static readonly TrackingEvent Click = new()
    {
        MessageId = "m-1",
        EventType = SesEventType.Click,
        Recipient = "ana@example.com",
        Timestamp = new DateTimeOffset(2026, 1, 13, 10, 20, 30, 123, TimeSpan.Zero),
        SentAt = null,
        CampaignId = "spring-2026",
        Tags = new Dictionary<string, string> { ["campaign"] = "spring-2026" },
        Link = "https://example.org/offer?a=1&b=2",
        UserAgent = "Mail/1.0",
        IpAddress = "192.0.2.1",
    };

    [Fact]
    public void ToJson_ClickEvent_WritesContractFieldsAndClickFieldsOnly()
    {
        var json = JsonNode.Parse(TrackingEventJson.ToJson(Click))!.AsObject();

        Assert.Equal(
            [
                "messageId", "eventType", "recipient", "timestamp", "sentAt", "campaignId", "tags",
                "link", "userAgent", "ipAddress",
            ],
            json.Select(pair => pair.Key));
        Assert.Equal("CLICK", json["eventType"]!.GetValue<string>());
        Assert.Equal("2026-01-13T10:20:30.123Z", json["timestamp"]!.GetValue<string>());
        Assert.Null(json["sentAt"]);
        Assert.Equal("https://example.org/offer?a=1&b=2", json["link"]!.GetValue<string>());
    }

    [Fact]
    public void WriteProperties_CustomNames_WritesThemInsideCallersObject()
    {
        var names = TrackingEventFieldNames.Contract with { Recipient = "email", EventType = "sesEventType" };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            TrackingEventJson.WriteProperties(writer, Click, names);
            writer.WriteNumber("expirationTime", 1);
            writer.WriteEndObject();
        }

        var json = JsonNode.Parse(Encoding.UTF8.GetString(stream.ToArray()))!.AsObject();

        Assert.Equal("ana@example.com", json["email"]!.GetValue<string>());
        Assert.Equal("CLICK", json["sesEventType"]!.GetValue<string>());
        Assert.Equal(1, json["expirationTime"]!.GetValue<int>());
        Assert.False(json.ContainsKey("recipient"));
    }
}
