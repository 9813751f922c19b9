using Microsoft.Extensions.Options;
using SesAnalytics.Standalone.Hosting;

try
{
    var app = StandaloneApp.Build(args);
    app.Run();
    return 0;
}
catch (OptionsValidationException e)
{
    // A bad setting is the operator's to fix: say which, without a stack trace.
    Console.Error.WriteLine("SesAnalytics cannot start; fix these settings:");
    foreach (var failure in e.Failures)
    {
        Console.Error.WriteLine($"  {failure}");
    }

    return 1;
}
