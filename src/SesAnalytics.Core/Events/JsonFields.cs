using System.Text.Json;

namespace SesAnalytics.Core.Events;

/// <summary>
/// Looks up JSON properties in any letter case and reads values of the expected kind only, so a number where a
/// string belongs, an array where an object belongs, or text that cannot be decoded reads as absent.
/// </summary>
internal static class JsonFields
{
    /// <summary>The property of that name: an exact match first, then the first match in any letter case.</summary>
    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            value = default;
            return false;
        }

        if (element.TryGetProperty(name, out value))
        {
            return true;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (TryGetName(property, out var propertyName)
                && string.Equals(propertyName, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static bool Has(JsonElement element, string name) => TryGet(element, name, out _);

    /// <summary>The property's value when it is a JSON string, else null.</summary>
    public static string? GetString(JsonElement element, string name) =>
        TryGet(element, name, out var value) ? AsString(value) : null;

    /// <summary>The property's value when it is a JSON object.</summary>
    public static bool TryGetObject(JsonElement element, string name, out JsonElement value) =>
        TryGet(element, name, out value) && value.ValueKind == JsonValueKind.Object;

    /// <summary>The value when it is a JSON string that decodes, else null.</summary>
    public static string? AsString(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate (\uD800) cannot become a .NET string.
            return null;
        }
    }

    /// <summary>A string, number or boolean as text; null for anything else.</summary>
    public static string? AsScalarText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => AsString(value),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    public static bool TryGetName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            // A property name holding an escaped lone surrogate cannot be compared; it is skipped.
            name = string.Empty;
            return false;
        }
    }

    /// <summary>How a value's kind reads in a reason: "an array", "a number".</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
