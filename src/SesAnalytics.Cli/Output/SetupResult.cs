namespace SesAnalytics.Cli.Output;

/// <summary>
/// What <c>setup</c> checked and did: the providers in use (<c>aws</c> or <c>embedded</c>), the tables it made sure
/// of, the changes it made, warnings, and notes on what it leaves to the infrastructure.
/// </summary>
internal sealed record SetupResult(
    string Providers,
    IReadOnlyList<string> Tables,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Notes);
