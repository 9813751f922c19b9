using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SesAnalytics.Core.Pipelines;

/// <summary>Validates the section and every pipeline in it, naming each bad setting by its configuration path.</summary>
internal sealed class SesAnalyticsOptionsValidator : IValidateOptions<SesAnalyticsOptions>
{
    public ValidateOptionsResult Validate(string? name, SesAnalyticsOptions options)
    {
        var failures = new List<string>();
        Collect(options, SesAnalyticsOptions.SectionName, failures);
        if (options.Pipelines.Count == 0)
        {
            failures.Add($"{SesAnalyticsOptions.SectionName}:Pipelines: at least one pipeline is required.");
        }

        foreach (var (id, pipeline) in options.Pipelines)
        {
            Collect(pipeline, $"{SesAnalyticsOptions.SectionName}:Pipelines:{id}", failures);
        }

        if (!Uri.TryCreate(options.PublicBaseUrl, UriKind.Absolute, out var baseUrl) ||
            baseUrl.Scheme is not ("http" or "https"))
        {
            failures.Add($"{SesAnalyticsOptions.SectionName}:PublicBaseUrl: '{options.PublicBaseUrl}' is not an absolute http(s) URL.");
        }

        if (!string.IsNullOrEmpty(options.UnsubscribeSigningKey) && !IsLongBase64(options.UnsubscribeSigningKey))
        {
            failures.Add($"{SesAnalyticsOptions.SectionName}:UnsubscribeSigningKey: must be base64 of at least 32 bytes.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsLongBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) && written >= 32;
    }

    private static void Collect(object instance, string path, List<string> failures)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(instance, new ValidationContext(instance), results, validateAllProperties: true))
        {
            return;
        }

        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                failures.Add($"{path}:{member}: {result.ErrorMessage}");
            }
        }
    }
}
