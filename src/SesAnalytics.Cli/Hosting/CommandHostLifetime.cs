using Microsoft.Extensions.Hosting;

namespace SesAnalytics.Cli.Hosting;

/// <summary>
/// A host lifetime that waits for nothing: a command's host runs for one command and stops when it ends. Interrupts
/// reach the command through the command line's cancellation token instead of the console lifetime.
/// </summary>
internal sealed class CommandHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
