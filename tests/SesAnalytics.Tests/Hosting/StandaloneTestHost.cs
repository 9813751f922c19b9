using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SesAnalytics.Core.Draining;
using SesAnalytics.Standalone.Hosting;

namespace SesAnalytics.Tests.Hosting;

/// <summary>
/// The standalone host, started for real on a free loopback port with test settings: the same function classes,
/// composition root and providers a user runs. Timers are off unless asked for; tests drain explicitly.
/// </summary>
public sealed class StandaloneTestHost : IAsyncDisposable
{
    public const string FunctionKey = "test-function-key";

    private readonly WebApplication _app;

    private StandaloneTestHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the app with <paramref name="settings"/> over the defaults (port 0, a function key, no timers).</summary>
    public static async Task<StandaloneTestHost> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        Action<IServiceCollection>? configureServices = null)
    {
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["SesAnalytics:Standalone:Port"] = "0",
            ["SesAnalytics:Standalone:FunctionKey"] = FunctionKey,
            ["SesAnalytics:Standalone:RunTimers"] = "false",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var args = all.Where(p => p.Value is not null).Select(p => $"--{p.Key}={p.Value}").ToArray();
        var app = StandaloneApp.Build(args, builder =>
        {
            builder.Logging.ClearProviders();
            configureServices?.Invoke(builder.Services);
        });
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new StandaloneTestHost(app, new Uri(address));
    }

    /// <summary>An HTTP client for the app; with <paramref name="withKey"/> it sends the function key.</summary>
    public HttpClient Client(bool withKey = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (withKey)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        }

        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>Drains a pipeline now, as its timer function would.</summary>
    public Task<DrainReport> DrainAsync(string pipeline) =>
        Services.GetRequiredService<DrainService>().DrainAsync(pipeline, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
