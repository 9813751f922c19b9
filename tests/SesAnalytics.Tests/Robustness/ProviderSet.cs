using Microsoft.Extensions.DependencyInjection;

namespace SesAnalytics.Tests.Robustness;

/// <summary>
/// One set of providers the app can run on, as settings for the composition root plus any services a test must
/// register itself: the embedded providers in a data folder of their own, or the AWS providers on the emulators
/// with queues and tables of their own. Scenarios written once run on each.
/// </summary>
public abstract class ProviderSet : IAsyncDisposable
{
    /// <summary>The settings that select and configure these providers (merged over the scenario's own).</summary>
    public abstract IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>How long a received queue message stays invisible before it is handed out again.</summary>
    public abstract TimeSpan VisibilityTimeout { get; }

    /// <summary>Receives after which the queue moves a message to its dead-letter queue.</summary>
    public abstract int MaxReceiveCount { get; }

    /// <summary>Registers what the settings cannot say (for the emulators: their credentials).</summary>
    public virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public abstract ValueTask DisposeAsync();
}
