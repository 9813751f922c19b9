return await SesAnalytics.Cli.CommandLine.RunAsync(args);
