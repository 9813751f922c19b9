return await SesAnalytics.Bench.BenchCommandLine.RunAsync(args);
