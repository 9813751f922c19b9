using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace SesAnalytics.Aws;

/// <summary>Checks what data annotations cannot: the region's form and the endpoint overrides.</summary>
internal sealed partial class AwsOptionsValidator : IValidateOptions<AwsOptions>
{
    public ValidateOptionsResult Validate(string? name, AwsOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add($"{AwsOptions.SectionName}:Region is required by the AWS providers (e.g. 'eu-west-1').");
        }
        else if (!RegionPattern().IsMatch(options.Region))
        {
            failures.Add($"{AwsOptions.SectionName}:Region '{options.Region}' is not an AWS region name such as 'eu-west-1'.");
        }

        AddUrlFailure(failures, nameof(AwsOptions.SesServiceUrl), options.SesServiceUrl);
        AddUrlFailure(failures, nameof(AwsOptions.SqsServiceUrl), options.SqsServiceUrl);
        AddUrlFailure(failures, nameof(AwsOptions.DynamoDbServiceUrl), options.DynamoDbServiceUrl);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>True for an absolute http or https URL.</summary>
    internal static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static void AddUrlFailure(List<string> failures, string setting, string? value)
    {
        if (!string.IsNullOrEmpty(value) && !IsHttpUrl(value))
        {
            failures.Add($"{AwsOptions.SectionName}:{setting} must be an absolute http or https URL; got '{value}'.");
        }
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();
}
