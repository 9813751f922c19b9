using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SesAnalytics.Tests.Emulators;

/// <summary>
/// One emulator from <c>emulators/</c> (pinned npm packages) running under Node on a free loopback port.
/// Installs the packages on first use and fails with what is missing when it cannot start.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly Process _process;
    private readonly StringBuilder _output;

    private EmulatorProcess(string name, int port, Process process, StringBuilder output)
    {
        Name = name;
        Port = port;
        _process = process;
        _output = output;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    /// <summary>Starts <c>node SCRIPT ARGS</c>, where <c>{port}</c> in an argument is replaced by a free port.</summary>
    public static async Task<EmulatorProcess> StartAsync(string name, string script, params string[] arguments)
    {
        await EnsureInstalledAsync();
        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = RepositoryPaths.Emulators,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        var output = new StringBuilder();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{name} needs Node.js ('node' on PATH) and could not start it: {e.Message}", e);
        }

        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var emulator = new EmulatorProcess(name, port, process, output);
        await emulator.WaitUntilListeningAsync(TimeSpan.FromSeconds(30));
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilListeningAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"{Name} exited with code {_process.ExitCode} before listening on port {Port}. Its output:\n{Output()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{Name} did not listen on 127.0.0.1:{Port} within {timeout}. Its output:\n{Output()}");
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Runs <c>npm ci</c> in <c>emulators/</c> once, when its packages are not installed yet.</summary>
    private static async Task EnsureInstalledAsync()
    {
        await InstallLock.WaitAsync();
        try
        {
            var marker = Path.Combine(RepositoryPaths.Emulators, "node_modules", ".package-lock.json");
            if (File.Exists(marker))
            {
                return;
            }

            var npm = new ProcessStartInfo("npm", "ci --no-audit --no-fund")
            {
                WorkingDirectory = RepositoryPaths.Emulators,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(npm)
                ?? throw new InvalidOperationException("The emulators need npm on PATH to install their packages.");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'npm ci' in {RepositoryPaths.Emulators} failed with code {process.ExitCode}:\n{await stdout}\n{await stderr}");
            }
        }
        finally
        {
            InstallLock.Release();
        }
    }
}
