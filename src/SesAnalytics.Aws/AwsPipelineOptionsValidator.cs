using Microsoft.Extensions.Options;
using SesAnalytics.Core.Pipelines;

namespace SesAnalytics.Aws;

/// <summary>With the AWS providers every pipeline needs its SQS queue and dead-letter queue.</summary>
internal sealed class AwsPipelineOptionsValidator : IValidateOptions<SesAnalyticsOptions>
{
    public ValidateOptionsResult Validate(string? name, SesAnalyticsOptions options)
    {
        var failures = new List<string>();
        foreach (var (id, pipeline) in options.Pipelines)
        {
            AddFailure(failures, id, nameof(PipelineOptions.QueueUrl), pipeline.QueueUrl);
            AddFailure(failures, id, nameof(PipelineOptions.DeadLetterQueueUrl), pipeline.DeadLetterQueueUrl);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AddFailure(List<string> failures, string pipeline, string setting, string value)
    {
        var key = $"{SesAnalyticsOptions.SectionName}:Pipelines:{pipeline}:{setting}";
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{key} is required with the AWS providers (the SQS queue URL as CreateQueue or GetQueueUrl returns it).");
        }
        else if (!AwsOptionsValidator.IsHttpUrl(value))
        {
            failures.Add($"{key} must be an absolute http or https URL; got '{value}'.");
        }
    }
}
