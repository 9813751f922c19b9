using System.CommandLine;
using System.Text.RegularExpressions;

namespace SesAnalytics.Cli.Hosting;

/// <summary>The <c>--pipeline</c> option: a pipeline id, checked against the configuration when the command runs.</summary>
internal static partial class PipelineOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--pipeline", "-p")
        {
            HelpName = "PIPELINE",
            Required = true,
            Description = "The pipeline's id as configured (outreach, financial, or one added in SesAnalytics:Pipelines).",
        };
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string?>();
            if (value is not null && !IdPattern().IsMatch(value))
            {
                result.AddError(
                    $"--pipeline: '{value}' is not a pipeline id (a letter, then up to 39 letters, digits or '-').");
            }
        });
        return option;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IdPattern();
}
