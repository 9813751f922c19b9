using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace SesAnalytics.Standalone.Hosting;

/// <summary>
/// The functions of an assembly, read from the same attributes the Functions SDK reads to generate its function
/// metadata, so this host serves exactly what Core Tools would.
/// </summary>
internal sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<HttpFunction> http, IReadOnlyList<TimerFunction> timers)
    {
        Http = http;
        Timers = timers;
    }

    public IReadOnlyList<HttpFunction> Http { get; }

    public IReadOnlyList<TimerFunction> Timers { get; }

    public static FunctionCatalog Read(Assembly assembly)
    {
        var http = new List<HttpFunction>();
        var timers = new List<TimerFunction>();
        var methods = assembly.GetExportedTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Select(m => (Method: m, Function: m.GetCustomAttribute<FunctionAttribute>()))
            .Where(m => m.Function is not null);
        foreach (var (method, function) in methods)
        {
            foreach (var parameter in method.GetParameters())
            {
                if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } trigger)
                {
                    http.Add(new HttpFunction(
                        function!.Name,
                        method,
                        trigger.Route ?? function.Name,
                        trigger.Methods?.Select(m => m.ToUpperInvariant()).ToArray() ?? ["GET", "POST"],
                        trigger.AuthLevel));
                }
                else if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is { } timer)
                {
                    timers.Add(new TimerFunction(function!.Name, method, timer.Schedule));
                }
            }
        }

        return new FunctionCatalog(http, timers);
    }
}
