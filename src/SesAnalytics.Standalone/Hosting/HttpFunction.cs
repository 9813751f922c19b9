using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace SesAnalytics.Standalone.Hosting;

/// <summary>An HTTP-triggered function method as its attributes declare it.</summary>
internal sealed record HttpFunction(
    string Name,
    MethodInfo Method,
    string Route,
    IReadOnlyList<string> Methods,
    AuthorizationLevel AuthLevel);
