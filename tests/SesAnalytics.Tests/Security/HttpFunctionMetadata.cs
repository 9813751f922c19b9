namespace SesAnalytics.Tests.Security;

/// <summary>An HTTP-triggered function in <c>functions.metadata</c>.</summary>
/// <param name="Name">Function name.</param>
/// <param name="Route">Route under <c>/api</c>.</param>
/// <param name="Methods">HTTP methods, upper case.</param>
/// <param name="AuthLevel"><c>Anonymous</c>, <c>Function</c> or <c>Admin</c>.</param>
public sealed record HttpFunctionMetadata(string Name, string Route, IReadOnlyList<string> Methods, string AuthLevel)
{
    public bool IsAnonymous => string.Equals(AuthLevel, "Anonymous", StringComparison.OrdinalIgnoreCase);
}
