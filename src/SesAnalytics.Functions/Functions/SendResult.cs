using System.Text.Json.Serialization;

namespace SesAnalytics.Functions.Functions;

/// <summary>One recipient's result in a send response.</summary>
public sealed record SendResult(
    string Recipient,
    string Status,
    string? MessageId,
    string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SuppressedSince);
