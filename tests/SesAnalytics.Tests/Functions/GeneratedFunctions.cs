using System.Text.Json;

namespace SesAnalytics.Tests.Functions;

/// <summary>Every binding of the generated <c>functions.metadata</c> (timers too), found as the security tests find it.</summary>
internal static class GeneratedFunctions
{
    public static IReadOnlyList<JsonElement> Functions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Security.FunctionMetadata.Path));
        return document.RootElement.EnumerateArray().Select(f => f.Clone()).ToList();
    }

    public static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In");
}
