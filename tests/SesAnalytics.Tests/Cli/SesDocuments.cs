using System.Text.Json.Nodes;

namespace SesAnalytics.Tests.Cli;

/// <summary>SES event-publishing documents, as SES publishes them for one message and recipient.</summary>
internal static class SesDocuments
{
    public const string Recipient = "ana@example.com";

    public static JsonObject Send(string messageId, string sentAt) => Document("Send", messageId, sentAt, "send", new JsonObject());

    public static JsonObject Delivery(string messageId, string sentAt, string at) =>
        Document("Delivery", messageId, sentAt, "delivery", new JsonObject
        {
            ["timestamp"] = at,
            ["recipients"] = new JsonArray(Recipient),
            ["processingTimeMillis"] = 500,
        });

    public static JsonObject Bounce(string messageId, string sentAt, string at) =>
        Document("Bounce", messageId, sentAt, "bounce", new JsonObject
        {
            ["bounceType"] = "Permanent",
            ["bounceSubType"] = "General",
            ["bouncedRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = Recipient }),
            ["timestamp"] = at,
        });

    public static JsonObject Reject(string messageId, string sentAt) =>
        Document("Reject", messageId, sentAt, "reject", new JsonObject { ["reason"] = "Bad content" });

    /// <summary>A captured Lambda SQS payload carrying the documents, one record each, as raw message delivery makes them.</summary>
    public static string LambdaPayload(IEnumerable<JsonObject> documents) =>
        new JsonObject
        {
            ["Records"] = new JsonArray([.. documents.Select(d => (JsonNode)new JsonObject
            {
                ["eventSource"] = "aws:sqs",
                ["body"] = d.ToJsonString(),
            })]),
        }.ToJsonString();

    private static JsonObject Document(string eventType, string messageId, string sentAt, string property, JsonObject data) =>
        new()
        {
            ["eventType"] = eventType,
            ["mail"] = new JsonObject
            {
                ["timestamp"] = sentAt,
                ["source"] = "outreach@example.com",
                ["messageId"] = messageId,
                ["destination"] = new JsonArray(Recipient),
                ["tags"] = new JsonObject { ["campaign"] = new JsonArray("winter-2026") },
            },
            [property] = data,
        };
}
