using Amazon.DynamoDBv2;
using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Providers;
using SesAnalytics.Tests.Aws;
using SesAnalytics.Tests.Aws.DynamoDb;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Cli;

/// <summary>The commands with the AWS providers: SQS, DynamoDB and SES on the emulators.</summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class AwsCommandsTests(AwsEmulators emulators)
{
    [Fact]
    public async Task Setup_NewTableNames_CreatesEachTableThenFindsThemInPlace()
    {
        using var cli = await AwsCli.CreateAsync(emulators);
        using var dynamo = DynamoDbEmulatorClient.Create(emulators);

        var first = await cli.RunAsync("setup");
        var second = await cli.RunAsync("setup", "--json");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"Created DynamoDB table {cli.OutreachTable}", first.Output);
        Assert.Contains($"Created DynamoDB table {cli.FinancialTable}", first.Output);
        Assert.Contains($"Created DynamoDB table {cli.SuppressionTable}", first.Output);
        Assert.Contains("SNS topics and SQS queues are infrastructure and were not created", first.Output);
        Assert.Contains($"queue {cli.Outreach.QueueUrl}", first.Output);
        foreach (var table in new[] { cli.OutreachTable, cli.FinancialTable, cli.SuppressionTable })
        {
            Assert.Equal(TableStatus.ACTIVE, (await dynamo.DescribeTableAsync(table)).Table.TableStatus);
        }

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("aws", second.Json()["providers"]!.GetValue<string>());
        Assert.Empty(second.Json()["changes"]!.AsArray());
        Assert.Equal(3, second.Json()["tables"]!.AsArray().Count);
    }

    [Fact]
    public async Task ReplayThenDrain_EverySharedSample_StoresTheirEventsInDynamoDb()
    {
        using var cli = await AwsCli.CreateAsync(emulators);
        var samples = Samples.Load();
        await cli.RunAsync("setup");

        var replay = await cli.RunAsync(["replay", "--pipeline", "outreach", .. samples.Files]);
        var drain = await cli.RunAsync("drain", "--pipeline", "outreach", "--json");

        Assert.True(replay.ExitCode == 0, replay.ToString());
        Assert.Contains(
            $"Queued {samples.Files.Count} message(s) on pipeline 'outreach' (SQS queue {cli.Outreach.QueueUrl})",
            replay.Output);
        Assert.True(drain.ExitCode == 0, drain.ToString());
        var report = drain.Json();
        Assert.Equal(samples.Files.Count, report["received"]!.GetValue<int>());
        Assert.Equal(samples.Ok, report["stored"]!.GetValue<int>());
        Assert.Equal(samples.Ignored, report["ignored"]!.GetValue<int>());
        Assert.Equal(samples.Invalid, report["invalid"]!.GetValue<int>());
        await using var services = cli.Services();
        var stored = await TrackingRecords.AllAsync(services.GetRequiredService<ITrackingStore>(), "outreach");
        samples.AssertStored(stored);
    }

    [Fact]
    public async Task DeadLetters_OnSqs_ListedWithoutBodiesThenReplayed()
    {
        using var cli = await AwsCli.CreateAsync(emulators, maxReceiveCount: 1, visibilityTimeout: TimeSpan.FromSeconds(1));
        var invalid = Path.Combine(RepositoryPaths.Samples, "odd", "localstack-emulator-delivery-no-messageId.json");
        await cli.RunAsync("replay", "--pipeline", "outreach", invalid);
        var firstDrain = await cli.RunAsync("drain", "--pipeline", "outreach", "--json");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var secondDrain = await cli.RunAsync("drain", "--pipeline", "outreach", "--json");

        var text = await cli.RunAsync("dead-letters", "list", "--pipeline", "outreach");
        var withBodies = await cli.RunAsync("dead-letters", "list", "--pipeline", "outreach", "--bodies", "--json");
        var replay = await cli.RunAsync("dead-letters", "replay", "--pipeline", "outreach", "--json");
        var listAfter = await cli.RunAsync("dead-letters", "list", "--pipeline", "outreach", "--json");
        var drainAfter = await cli.RunAsync("drain", "--pipeline", "outreach", "--json");

        Assert.Equal(1, firstDrain.Json()["invalid"]!.GetValue<int>());
        Assert.Equal(0, secondDrain.Json()["received"]!.GetValue<int>());
        Assert.True(text.ExitCode == 0, text.ToString());
        var deadLetter = Assert.Single(withBodies.Json()["deadLetters"]!.AsArray())!;
        Assert.Contains($"{deadLetter["messageId"]!.GetValue<string>()}  receives: ", text.Output);
        Assert.Contains("reason: (unknown)", text.Output);
        Assert.DoesNotContain("body", text.Output);
        Assert.Equal(File.ReadAllText(invalid), deadLetter["body"]!.GetValue<string>());
        Assert.Equal(1, replay.Json()["moved"]!.GetValue<int>());
        Assert.Empty(listAfter.Json()["deadLetters"]!.AsArray());
        Assert.Equal(1, drainAfter.Json()["received"]!.GetValue<int>());
    }

    [Fact]
    public async Task Templates_OnSes_RoundTrip()
    {
        using var cli = await AwsCli.CreateAsync(emulators);
        var name = EmulatorAws.UniqueName("cli-template");
        var text = Path.Combine(Path.GetDirectoryName(cli.SettingsPath)!, "body.txt");
        await File.WriteAllTextAsync(text, "Hello {{firstName}}");

        var put = await cli.RunAsync("templates", "put", name, "--subject", "Hi {{firstName}}", "--text-file", text);
        var get = await cli.RunAsync("templates", "get", name, "--json");
        var list = await cli.RunAsync("templates", "list", "--json");
        var delete = await cli.RunAsync("templates", "delete", name);
        var getAfter = await cli.RunAsync("templates", "get", name);

        Assert.True(put.ExitCode == 0, put.ToString());
        Assert.Equal("Hi {{firstName}}", get.Json()["subject"]!.GetValue<string>());
        Assert.Equal("Hello {{firstName}}", get.Json()["text"]!.GetValue<string>());
        Assert.Contains(name, list.Json()["templates"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(0, delete.ExitCode);
        Assert.Equal(1, getAfter.ExitCode);
    }
}
