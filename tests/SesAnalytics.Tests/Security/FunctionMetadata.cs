using System.Text.Json;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Security;

/// <summary>
/// The HTTP functions as the Functions SDK declares them to the Functions host, read from the generated
/// <c>functions.metadata</c>: beside the test assembly (the build copies it there), else in the Functions
/// project's build output.
/// </summary>
public static class FunctionMetadata
{
    public static string Path { get; } = Find();

    public static IReadOnlyList<HttpFunctionMetadata> HttpFunctions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path));
        var functions = new List<HttpFunctionMetadata>();
        foreach (var function in document.RootElement.EnumerateArray())
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                if (!string.Equals(binding.GetProperty("type").GetString(), "httpTrigger", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                functions.Add(new HttpFunctionMetadata(
                    function.GetProperty("name").GetString()!,
                    binding.GetProperty("route").GetString()!,
                    binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToList(),
                    binding.TryGetProperty("authLevel", out var level) ? level.GetString()! : "Function"));
            }
        }

        return functions;
    }

    private static string Find()
    {
        var beside = System.IO.Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        if (File.Exists(beside))
        {
            return beside;
        }

        var output = System.IO.Path.Combine(RepositoryPaths.Root, "src", "SesAnalytics.Functions", "bin");
        var built = Directory.Exists(output)
            ? Directory.EnumerateFiles(output, "functions.metadata", SearchOption.AllDirectories)
                .OrderByDescending(File.GetLastWriteTimeUtc)
                .FirstOrDefault()
            : null;
        return built ?? throw new FileNotFoundException(
            $"No functions.metadata beside the tests ({beside}) or under {output}; build src/SesAnalytics.Functions first.");
    }
}
