using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace SesAnalytics.Standalone.Hosting;

/// <summary>
/// Calls a function method the way the isolated worker would: a new instance of its class from the service
/// provider, and each parameter bound from the trigger (the request, route values, the timer, cancellation).
/// </summary>
internal static class FunctionInvoker
{
    public static async Task<object?> InvokeAsync(
        IServiceProvider services,
        MethodInfo method,
        Func<ParameterInfo, (bool Bound, object? Value)> bind)
    {
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p =>
        {
            var (bound, value) = bind(p);
            return bound
                ? value
                : throw new InvalidOperationException(
                    $"Parameter '{p.Name}' of function {method.DeclaringType!.Name}.{method.Name} cannot be bound by this host.");
        }).ToArray();
        try
        {
            var result = method.Invoke(instance, arguments);
            switch (result)
            {
                case Task<IActionResult> action:
                    return await action;
                case Task task:
                    await task;
                    return null;
                default:
                    return result;
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        finally
        {
            if (instance is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync();
            }
            else if (instance is IDisposable disposable)
            {
                disposable.Dispose();
            }
        }
    }

    public static (bool, object?) BindHttp(ParameterInfo parameter, HttpContext context)
    {
        if (parameter.ParameterType == typeof(HttpRequest))
        {
            return (true, context.Request);
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return (true, context.RequestAborted);
        }

        if (parameter.ParameterType == typeof(string) && context.Request.RouteValues.TryGetValue(parameter.Name!, out var value))
        {
            return (true, value?.ToString());
        }

        return (false, null);
    }

    public static (bool, object?) BindTimer(ParameterInfo parameter, TimerInfo timer, CancellationToken cancellationToken)
    {
        if (parameter.ParameterType == typeof(TimerInfo))
        {
            return (true, timer);
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return (true, cancellationToken);
        }

        return (false, null);
    }
}
