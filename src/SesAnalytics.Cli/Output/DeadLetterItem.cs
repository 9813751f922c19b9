using System.Text.Json.Serialization;

namespace SesAnalytics.Cli.Output;

/// <summary>One dead letter: its queue message id, receives before it was dead-lettered, why when known, its body when asked.</summary>
internal sealed record DeadLetterItem(
    string MessageId,
    int ReceiveCount,
    string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Body);
