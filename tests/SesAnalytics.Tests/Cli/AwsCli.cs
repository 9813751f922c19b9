using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Cli.Hosting;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Tests.Aws;
using SesAnalytics.Tests.Embedded;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Cli;

/// <summary>
/// The command line with the AWS providers on the emulators: both pipelines with queues of their own and tables of their
/// own (names no other test uses), set in a settings file as an operator would set them.
/// </summary>
internal sealed class AwsCli : IDisposable
{
    private readonly AwsEmulators _emulators;
    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string?> _settings;

    private AwsCli(AwsEmulators emulators, EmulatorPipeline outreach, EmulatorPipeline financial, TimeSpan visibilityTimeout)
    {
        _emulators = emulators;
        Outreach = outreach;
        Financial = financial;
        OutreachTable = EmulatorAws.UniqueName("cli-outreach");
        FinancialTable = EmulatorAws.UniqueName("cli-financial");
        SuppressionTable = EmulatorAws.UniqueName("cli-suppression");
        _settings = new Dictionary<string, string?>
        {
            ["SesAnalytics:Aws:Region"] = EmulatorAws.Region,
            ["SesAnalytics:Aws:SesServiceUrl"] = emulators.SesUrl.ToString(),
            ["SesAnalytics:Aws:SqsServiceUrl"] = emulators.SqsSnsUrl.ToString(),
            ["SesAnalytics:Aws:DynamoDbServiceUrl"] = emulators.DynamoDbUrl.ToString(),
            ["SesAnalytics:Aws:SuppressionTable"] = SuppressionTable,
            ["SesAnalytics:Aws:VisibilityTimeout"] = visibilityTimeout.ToString("c"),
            ["SesAnalytics:UnsubscribeSigningKey"] = Convert.ToBase64String(new byte[32]),
            ["SesAnalytics:Retention"] = EmbeddedCli.LongRetention,
            ["SesAnalytics:Pipelines:outreach:QueueUrl"] = outreach.QueueUrl,
            ["SesAnalytics:Pipelines:outreach:DeadLetterQueueUrl"] = outreach.DeadLetterQueueUrl,
            ["SesAnalytics:Pipelines:outreach:Table"] = OutreachTable,
            ["SesAnalytics:Pipelines:financial:QueueUrl"] = financial.QueueUrl,
            ["SesAnalytics:Pipelines:financial:DeadLetterQueueUrl"] = financial.DeadLetterQueueUrl,
            ["SesAnalytics:Pipelines:financial:Table"] = FinancialTable,
            ["Logging:LogLevel:Default"] = "Error",
        };
        SettingsPath = SettingsFiles.WriteAppSettings(Path.Combine(_folder.Path, "appsettings.json"), _settings);
    }

    /// <summary>The emulators accept any credentials; these stand in for the SDK's default chain, which a test cannot set.</summary>
    public static CliEnvironment Environment { get; } = new()
    {
        EnvironmentVariables = new Dictionary<string, string?>(),
        ConfigureServices = services => services.AddSingleton(EmulatorAws.Credentials),
    };

    public EmulatorPipeline Outreach { get; }

    public EmulatorPipeline Financial { get; }

    public string OutreachTable { get; }

    public string FinancialTable { get; }

    public string SuppressionTable { get; }

    public string SettingsPath { get; }

    public static async Task<AwsCli> CreateAsync(AwsEmulators emulators, int maxReceiveCount = 3, TimeSpan? visibilityTimeout = null)
    {
        var outreach = await EmulatorPipelineQueues.CreateAsync(
            emulators, PipelineDefaults.Outreach, rawMessageDelivery: true, maxReceiveCount);
        var financial = await EmulatorPipelineQueues.CreateAsync(
            emulators, PipelineDefaults.Financial, rawMessageDelivery: true, maxReceiveCount);
        return new AwsCli(emulators, outreach, financial, visibilityTimeout ?? TimeSpan.FromSeconds(60));
    }

    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Environment, [.. args, "--settings", SettingsPath]);

    /// <summary>The AWS providers as the app registers them, over the same queues and tables.</summary>
    public ServiceProvider Services()
    {
        var outreach = PipelineDefaults.OutreachPipeline();
        outreach.Table = OutreachTable;
        var financial = PipelineDefaults.FinancialPipeline();
        financial.Table = FinancialTable;
        return AwsTestServices.Build(
            _emulators,
            [Outreach.ToOptions(outreach), Financial.ToOptions(financial)],
            new Dictionary<string, string?> { ["SesAnalytics:Aws:SuppressionTable"] = SuppressionTable },
            services => services.Configure<SesAnalyticsOptions>(o => o.Retention = TimeSpan.Parse(EmbeddedCli.LongRetention)));
    }

    public void Dispose() => _folder.Dispose();
}
