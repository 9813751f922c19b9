using SesAnalytics.Standalone.Hosting;

var app = StandaloneApp.Build(args);
app.Run();
