using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using SesAnalytics.Hosting;

namespace SesAnalytics.Cli.Hosting;

/// <summary>
/// The app's services for one command: the composition root every host uses (<c>AddSesAnalyticsApp</c>), started so
/// that the settings are validated as the app validates them at start. Logs go to standard error, warnings and up
/// unless the configuration's <c>Logging</c> section says otherwise.
/// </summary>
internal sealed class AppHost : IAsyncDisposable
{
    private readonly IHost _host;

    private AppHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">A setting is not valid.</exception>
    public static async Task<AppHost> StartAsync(
        ConfigurationManager configuration,
        CliEnvironment environment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "sesanalytics",
            Configuration = configuration,
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));

        // A host that fails to start logs the exception; the command reports it once, without the stack trace.
        builder.Logging.AddFilter(typeof(Host).Namespace + ".Internal.Host", LogLevel.None);
        builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddSingleton<IHostLifetime, CommandHostLifetime>();
        environment.ConfigureServices?.Invoke(builder.Services);
        builder.Services.AddSesAnalyticsApp(configuration);

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch
        {
            await DisposeAsync(host);
            throw;
        }

        return new AppHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        await DisposeAsync(_host);
    }

    private static async ValueTask DisposeAsync(IHost host)
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
