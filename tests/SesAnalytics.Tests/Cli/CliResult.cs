using System.Text.Json.Nodes;

namespace SesAnalytics.Tests.Cli;

/// <summary>What one in-process run of the command line returned and wrote.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The output as JSON (a command run with <c>--json</c>).</summary>
    public JsonNode Json() =>
        JsonNode.Parse(Output) ?? throw new InvalidOperationException($"The command wrote no JSON: '{Output}' (error: '{Error}').");

    public override string ToString() => $"exit {ExitCode}; output: {Output}; error: {Error}";
}
