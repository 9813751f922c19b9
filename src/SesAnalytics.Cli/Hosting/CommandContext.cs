using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SesAnalytics.Cli.Output;
using SesAnalytics.Core.Pipelines;
using SesAnalytics.Embedded;
using SesAnalytics.Hosting;

namespace SesAnalytics.Cli.Hosting;

/// <summary>
/// One run of a command that works with the app's data: its parsed command line, its configuration, where it writes,
/// and the app's services, started on first use and stopped when the run ends.
/// </summary>
internal sealed class CommandContext : IAsyncDisposable
{
    private readonly ConfigurationManager _configuration;
    private readonly CliEnvironment _environment;
    private AppHost? _host;

    private CommandContext(ParseResult parseResult, ConfigurationManager configuration, CliEnvironment environment, bool json)
    {
        ParseResult = parseResult;
        _configuration = configuration;
        _environment = environment;
        Json = json;
    }

    public ParseResult ParseResult { get; }

    public IConfiguration Configuration => _configuration;

    public TextWriter Output => ParseResult.InvocationConfiguration.Output;

    public TextWriter Error => ParseResult.InvocationConfiguration.Error;

    /// <summary>Whether <c>--json</c> was given.</summary>
    public bool Json { get; }

    /// <summary>Whether the configuration selects the AWS providers (else the embedded ones).</summary>
    public bool UsesAws => AppServiceCollectionExtensions.UsesAws(_configuration);

    /// <exception cref="CommandException">The settings file cannot be read.</exception>
    public static CommandContext Create(ParseResult parseResult, CommonOptions common, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(common);
        var configuration = CliConfiguration.Build(
            environment,
            parseResult.GetValue(common.Settings),
            parseResult.GetValue(common.DataPath));
        return new CommandContext(parseResult, configuration, environment, parseResult.GetValue(common.Json));
    }

    /// <summary>Starts the app's services (once), validating the settings as the app does at start.</summary>
    public async Task<IServiceProvider> StartAsync(CancellationToken cancellationToken)
    {
        _host ??= await AppHost.StartAsync(_configuration, _environment, cancellationToken);
        return _host.Services;
    }

    /// <summary>The configured pipeline named by <c>--pipeline</c>.</summary>
    /// <exception cref="UsageException">No pipeline has that id.</exception>
    public static PipelineOptions Pipeline(IServiceProvider services, string id)
    {
        ArgumentNullException.ThrowIfNull(services);
        var catalog = services.GetRequiredService<PipelineCatalog>();
        return catalog.Find(id) ?? throw new UsageException(
            $"--pipeline: unknown pipeline '{id}'. Configured pipelines: {string.Join(", ", catalog.All.Select(p => p.Id))}.");
    }

    /// <summary>Where a pipeline's queue is, for messages to a person.</summary>
    public string QueueDescription(IServiceProvider services, PipelineOptions pipeline)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(pipeline);
        return UsesAws
            ? $"SQS queue {pipeline.QueueUrl}"
            : $"embedded queue in {DataPath(services)}";
    }

    /// <summary>The embedded providers' data folder, as an absolute path.</summary>
    public static string DataPath(IServiceProvider services) =>
        Path.GetFullPath(services.GetRequiredService<IOptions<EmbeddedOptions>>().Value.DataPath);

    public void WriteJson<T>(T value) => Output.WriteLine(JsonOutput.Serialize(value));

    public void Warn(string message) => Error.WriteLine($"warning: {message}");

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        _configuration.Dispose();
    }
}
