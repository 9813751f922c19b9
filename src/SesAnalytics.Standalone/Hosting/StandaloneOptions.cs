using System.ComponentModel.DataAnnotations;

namespace SesAnalytics.Standalone.Hosting;

/// <summary>The <c>SesAnalytics:Standalone</c> section: how this host serves the functions.</summary>
public sealed class StandaloneOptions
{
    public const string SectionName = "SesAnalytics:Standalone";

    /// <summary>Loopback port to listen on, 7071 as <c>func start</c> uses; 0 takes any free port.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 7071;

    /// <summary>
    /// When set, functions with authorization level Function or Admin require this key in the
    /// <c>x-functions-key</c> header (or the <c>code</c> query parameter), as the Functions host does.
    /// </summary>
    public string? FunctionKey { get; set; }

    /// <summary>Whether the timer functions run; off for hosts that only serve HTTP (tests, read replicas).</summary>
    public bool RunTimers { get; set; } = true;
}
