using System.Text.Json.Serialization;

namespace SesAnalytics.Core.Suppression;

/// <summary>Why an address is suppressed; written by name in JSON.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SuppressionReason>))]
public enum SuppressionReason
{
    /// <summary>The recipient used the one-click unsubscribe link.</summary>
    Unsubscribed,

    /// <summary>A permanent (hard) bounce.</summary>
    HardBounce,

    /// <summary>Repeated transient bounces within the configured window.</summary>
    RepeatedSoftBounces,

    /// <summary>The recipient marked a message as spam.</summary>
    Complaint,

    /// <summary>An operator added the address.</summary>
    Manual,
}
