using System.Globalization;
using System.Security.Cryptography;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Tests.Aws;
using SesAnalytics.Tests.Aws.DynamoDb;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Robustness;

/// <summary>
/// The AWS providers on the emulators (SQS and SNS on fauxqs, DynamoDB on dynalite, SES v2 on aws-ses-v2-local),
/// with each built-in pipeline's topic, queue, dead-letter queue and table created for this set alone.
/// </summary>
public sealed class EmulatorProviderSet : ProviderSet
{
    private readonly ProviderSetOptions _options;

    private EmulatorProviderSet(
        ProviderSetOptions options,
        IReadOnlyDictionary<string, EmulatorPipeline> pipelines,
        Dictionary<string, string?> settings)
    {
        _options = options;
        Pipelines = pipelines;
        Settings = settings;
    }

    public override IReadOnlyDictionary<string, string?> Settings { get; }

    public override TimeSpan VisibilityTimeout => _options.Visibility;

    public override int MaxReceiveCount => _options.MaxReceiveCount;

    /// <summary>Each built-in pipeline's messaging on the emulators, by pipeline id.</summary>
    public IReadOnlyDictionary<string, EmulatorPipeline> Pipelines { get; }

    public static async Task<EmulatorProviderSet> CreateAsync(AwsEmulators emulators, ProviderSetOptions options)
    {
        ArgumentNullException.ThrowIfNull(emulators);
        ArgumentNullException.ThrowIfNull(options);
        var settings = new Dictionary<string, string?>
        {
            ["SesAnalytics:Aws:Region"] = EmulatorAws.Region,
            ["SesAnalytics:Aws:SesServiceUrl"] = emulators.SesUrl.ToString(),
            ["SesAnalytics:Aws:SqsServiceUrl"] = emulators.SqsSnsUrl.ToString(),
            ["SesAnalytics:Aws:DynamoDbServiceUrl"] = emulators.DynamoDbUrl.ToString(),
            ["SesAnalytics:Aws:SuppressionTable"] = EmulatorAws.UniqueName("suppression"),
            ["SesAnalytics:Aws:VisibilityTimeout"] = options.Visibility.ToString("c", CultureInfo.InvariantCulture),
            ["SesAnalytics:UnsubscribeSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        };
        var pipelines = new Dictionary<string, EmulatorPipeline>(StringComparer.Ordinal);
        var tables = new List<string>();
        foreach (var id in new[] { PipelineDefaults.Outreach, PipelineDefaults.Financial })
        {
            var pipeline = await EmulatorPipelineQueues.CreateAsync(
                emulators,
                id,
                maxReceiveCount: options.MaxReceiveCount,
                visibilityTimeout: options.Visibility);
            var table = EmulatorAws.UniqueName($"{id}-tracking");
            pipelines[id] = pipeline;
            tables.Add(table);
            settings[$"SesAnalytics:Pipelines:{id}:QueueUrl"] = pipeline.QueueUrl;
            settings[$"SesAnalytics:Pipelines:{id}:DeadLetterQueueUrl"] = pipeline.DeadLetterQueueUrl;
            settings[$"SesAnalytics:Pipelines:{id}:Table"] = table;
        }

        using var dynamo = DynamoDbEmulatorClient.Create(emulators);
        await DynamoDbTableSetup.EnsureTablesAsync(dynamo, tables, settings["SesAnalytics:Aws:SuppressionTable"]!, CancellationToken.None);
        return new EmulatorProviderSet(options, pipelines, settings);
    }

    /// <summary>The emulators accept any key; registering these keeps the SDK's default chain from looking for real ones.</summary>
    public override void ConfigureServices(IServiceCollection services) =>
        services.AddSingleton<AWSCredentials>(EmulatorAws.Credentials);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
