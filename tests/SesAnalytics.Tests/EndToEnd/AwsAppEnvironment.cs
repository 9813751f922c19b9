using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Aws.DynamoDb;
using SesAnalytics.Tests.Aws;
using SesAnalytics.Tests.Aws.DynamoDb;
using SesAnalytics.Tests.Emulators;
using SesAnalytics.Tests.Hosting;

namespace SesAnalytics.Tests.EndToEnd;

/// <summary>
/// What the app needs on the emulators in AWS mode, made fresh for one test class: both pipelines' SNS topics,
/// mirror queues and dead-letter queues (outreach subscribed enveloped, financial raw), their DynamoDB tables and
/// a suppression table created by <see cref="DynamoDbTableSetup"/>, and the settings that point the app at them.
/// </summary>
internal sealed class AwsAppEnvironment
{
    public const string PublicBaseUrl = "https://app.example.com";

    private AwsAppEnvironment(
        AwsEmulators emulators,
        EmulatorPipeline outreach,
        EmulatorPipeline financial,
        string outreachTable,
        string financialTable,
        string suppressionTable)
    {
        Emulators = emulators;
        Outreach = outreach;
        Financial = financial;
        OutreachTable = outreachTable;
        FinancialTable = financialTable;
        SuppressionTable = suppressionTable;
    }

    public AwsEmulators Emulators { get; }

    /// <summary>The outreach pipeline's messaging: its queue receives SNS envelopes.</summary>
    public EmulatorPipeline Outreach { get; }

    /// <summary>The financial pipeline's messaging: its queue receives what was published, raw.</summary>
    public EmulatorPipeline Financial { get; }

    public string OutreachTable { get; }

    public string FinancialTable { get; }

    public string SuppressionTable { get; }

    /// <param name="emulators">The started emulators.</param>
    /// <param name="maxReceiveCount">Receives after which the queues move a message to their dead-letter queue.</param>
    /// <param name="visibilityTimeout">The queues' own visibility timeout; null keeps the SQS default.</param>
    public static async Task<AwsAppEnvironment> CreateAsync(
        AwsEmulators emulators,
        int maxReceiveCount = 3,
        TimeSpan? visibilityTimeout = null)
    {
        var outreach = await EmulatorPipelineQueues.CreateAsync(
            emulators,
            "outreach",
            rawMessageDelivery: false,
            maxReceiveCount,
            visibilityTimeout);
        var financial = await EmulatorPipelineQueues.CreateAsync(
            emulators,
            "financial",
            rawMessageDelivery: true,
            maxReceiveCount,
            visibilityTimeout);
        var outreachTable = EmulatorAws.UniqueName("outreach-tracking");
        var financialTable = EmulatorAws.UniqueName("financial-tracking");
        var suppressionTable = EmulatorAws.UniqueName("suppression");
        using var dynamo = DynamoDbEmulatorClient.Create(emulators);
        await DynamoDbTableSetup.EnsureTablesAsync(dynamo, [outreachTable, financialTable], suppressionTable, CancellationToken.None);
        return new AwsAppEnvironment(emulators, outreach, financial, outreachTable, financialTable, suppressionTable);
    }

    /// <summary>The app settings of AWS mode on these emulators, queues and tables.</summary>
    public Dictionary<string, string?> Settings() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["SesAnalytics:Aws:Region"] = EmulatorAws.Region,
        ["SesAnalytics:Aws:SesServiceUrl"] = Emulators.SesUrl.ToString(),
        ["SesAnalytics:Aws:SqsServiceUrl"] = Emulators.SqsSnsUrl.ToString(),
        ["SesAnalytics:Aws:DynamoDbServiceUrl"] = Emulators.DynamoDbUrl.ToString(),
        ["SesAnalytics:Aws:SuppressionTable"] = SuppressionTable,
        ["SesAnalytics:UnsubscribeSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["SesAnalytics:PublicBaseUrl"] = PublicBaseUrl,
        ["SesAnalytics:Pipelines:outreach:QueueUrl"] = Outreach.QueueUrl,
        ["SesAnalytics:Pipelines:outreach:DeadLetterQueueUrl"] = Outreach.DeadLetterQueueUrl,
        ["SesAnalytics:Pipelines:outreach:Table"] = OutreachTable,
        ["SesAnalytics:Pipelines:financial:QueueUrl"] = Financial.QueueUrl,
        ["SesAnalytics:Pipelines:financial:DeadLetterQueueUrl"] = Financial.DeadLetterQueueUrl,
        ["SesAnalytics:Pipelines:financial:Table"] = FinancialTable,
    };

    /// <summary>
    /// Starts the standalone host with <see cref="Settings"/> and <paramref name="overrides"/> (a null value removes
    /// a setting), using the emulators' test credentials.
    /// </summary>
    public Task<StandaloneTestHost> StartHostAsync(
        IReadOnlyDictionary<string, string?>? overrides = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var settings = Settings();
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return StartWithTestCredentialsAsync(settings, configureServices);
    }

    /// <summary>
    /// The standalone host with the emulators' test credentials registered: the composition root takes them from
    /// the AWS SDK's default chain unless an <c>AWSCredentials</c> is registered.
    /// </summary>
    public static Task<StandaloneTestHost> StartWithTestCredentialsAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices = null) =>
        StandaloneTestHost.StartAsync(settings, services =>
        {
            services.AddSingleton(EmulatorAws.Credentials);
            configureServices?.Invoke(services);
        });
}
