using System.Text.RegularExpressions;

namespace SesAnalytics.Embedded;

/// <summary>Checks pipeline ids and suppression scopes at the providers' boundaries.</summary>
internal static partial class PipelineIds
{
    /// <summary>Throws when <paramref name="pipeline"/> is not a pipeline id (the rule of <c>PipelineOptions.Id</c>).</summary>
    public static void Validate(string pipeline, string parameterName = "pipeline")
    {
        ArgumentNullException.ThrowIfNull(pipeline, parameterName);
        if (!IdPattern().IsMatch(pipeline))
        {
            throw new ArgumentException(
                $"'{pipeline}' is not a pipeline id: use a lower-case letter, then up to 39 lower-case letters, digits or '-'.",
                parameterName);
        }
    }

    public static bool IsValid(string? pipeline) => pipeline is not null && IdPattern().IsMatch(pipeline);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
