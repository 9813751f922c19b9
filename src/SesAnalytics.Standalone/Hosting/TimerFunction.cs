using System.Reflection;

namespace SesAnalytics.Standalone.Hosting;

/// <summary>A timer-triggered function method and its schedule expression (possibly a <c>%setting%</c>).</summary>
internal sealed record TimerFunction(string Name, MethodInfo Method, string Schedule);
