namespace SesAnalytics.Tests.Security;

/// <summary>What the Functions host is told about each HTTP function: only health and unsubscribe go without a key.</summary>
public sealed class FunctionMetadataTests
{
    private static readonly string[] ContractRoutes =
    [
        "POST outreach/send", "POST financial/send-report", "GET outreach/tracking-data-ses", "GET financial/tracking-data",
        "GET {pipeline}/metrics", "GET health", "GET unsubscribe", "POST unsubscribe",
    ];

    [Fact]
    public void HttpFunctions_GeneratedMetadata_OnlyHealthAndUnsubscribeAreAnonymous()
    {
        var functions = FunctionMetadata.HttpFunctions();

        var anonymous = functions.Where(f => f.IsAnonymous).SelectMany(Routes).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["GET health", "GET unsubscribe", "POST unsubscribe"], anonymous);
        Assert.All(functions.Where(f => !f.IsAnonymous), f => Assert.Contains(f.AuthLevel, new[] { "Function", "Admin" }));
    }

    [Fact]
    public void HttpFunctions_GeneratedMetadata_DeclareEveryContractRoute()
    {
        var routes = FunctionMetadata.HttpFunctions().SelectMany(Routes).ToHashSet(StringComparer.Ordinal);

        Assert.Subset(routes, ContractRoutes.ToHashSet(StringComparer.Ordinal));
    }

    private static IEnumerable<string> Routes(HttpFunctionMetadata function) =>
        function.Methods.Select(m => $"{m} {function.Route}");
}
