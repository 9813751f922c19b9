namespace SesAnalytics.Bench.Hosting;

/// <summary>Runs a clean-up when disposed.</summary>
internal sealed class AsyncLifetime(Func<ValueTask> cleanUp) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => cleanUp();
}
