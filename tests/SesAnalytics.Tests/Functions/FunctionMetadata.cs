using System.Text.Json;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Functions;

/// <summary>The <c>functions.metadata</c> file the Functions SDK generates for the app, as the host reads it.</summary>
internal static class FunctionMetadata
{
    public static string Path
    {
        get
        {
            // The test assembly lives in tests/SesAnalytics.Tests/bin/<Configuration>/<framework>/.
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(System.IO.Path.DirectorySeparatorChar));
            var configuration = framework.Parent!.Name;
            var path = System.IO.Path.Combine(
                RepositoryPaths.Root, "src", "SesAnalytics.Functions", "bin", configuration, framework.Name, "functions.metadata");
            return File.Exists(path)
                ? path
                : throw new FileNotFoundException($"The Functions project's generated metadata is missing at {path}; build the solution first.");
        }
    }

    public static IReadOnlyList<JsonElement> Functions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        return document.RootElement.EnumerateArray().Select(f => f.Clone()).ToList();
    }

    public static JsonElement Trigger(JsonElement function) =>
        function.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("direction").GetString() == "In");
}
