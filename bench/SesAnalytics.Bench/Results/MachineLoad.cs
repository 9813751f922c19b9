using System.Globalization;

namespace SesAnalytics.Bench.Results;

/// <summary>The system's load averages, to judge how much other work shared the machine during a run.</summary>
internal static class MachineLoad
{
    private const string LoadAverageFile = "/proc/loadavg";

    /// <summary>The 1, 5 and 15 minute load averages and the number of cores, or a note that the system does not say.</summary>
    public static string Describe()
    {
        if (!File.Exists(LoadAverageFile))
        {
            return "load average not available on this system";
        }

        var parts = File.ReadAllText(LoadAverageFile).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"load average {parts[0]} / {parts[1]} / {parts[2]} (1 / 5 / 15 min) on {Environment.ProcessorCount} cores");
    }
}
