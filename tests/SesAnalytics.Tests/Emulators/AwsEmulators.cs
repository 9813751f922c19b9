namespace SesAnalytics.Tests.Emulators;

/// <summary>
/// The three AWS-protocol emulators, started once for every test in the <see cref="AwsEmulatorsCollection"/>:
/// fauxqs (SQS and SNS), dynalite (DynamoDB) and aws-ses-v2-local (SES v2), each on a free loopback port.
/// </summary>
public sealed class AwsEmulators : IAsyncLifetime
{
    private EmulatorProcess? _sqs;
    private EmulatorProcess? _dynamo;
    private EmulatorProcess? _ses;

    /// <summary>SQS (JSON protocol) and SNS endpoint.</summary>
    public Uri SqsSnsUrl => Started(_sqs).Url;

    public Uri DynamoDbUrl => Started(_dynamo).Url;

    /// <summary>SES v2 endpoint; <c>GET /store</c> lists what was sent.</summary>
    public Uri SesUrl => Started(_ses).Url;

    public async Task InitializeAsync()
    {
        var sqs = EmulatorProcess.StartAsync("fauxqs", "fauxqs.mjs", "{port}");
        var dynamo = EmulatorProcess.StartAsync(
            "dynalite",
            "node_modules/dynalite/cli.js",
            "--port",
            "{port}",
            "--host",
            "127.0.0.1",
            "--createTableMs",
            "0");
        var ses = EmulatorProcess.StartAsync(
            "aws-ses-v2-local",
            "node_modules/aws-ses-v2-local/dist/cli.js",
            "--port",
            "{port}",
            "--host",
            "127.0.0.1");
        _sqs = await sqs;
        _dynamo = await dynamo;
        _ses = await ses;
    }

    public async Task DisposeAsync()
    {
        foreach (var emulator in new[] { _sqs, _dynamo, _ses })
        {
            if (emulator is not null)
            {
                await emulator.DisposeAsync();
            }
        }
    }

    private static EmulatorProcess Started(EmulatorProcess? emulator) =>
        emulator ?? throw new InvalidOperationException("The emulators are used before the fixture started them.");
}
