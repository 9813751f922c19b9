using Amazon.Runtime;
using Amazon.SQS;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Aws;

/// <summary>The region and credentials every test uses against the emulators, and clients built from them.</summary>
public static class EmulatorAws
{
    public const string Region = "us-east-1";

    /// <summary>The emulators accept any key; these never reach AWS.</summary>
    public static AWSCredentials Credentials { get; } = new BasicAWSCredentials("test", "test");

    public static IAmazonSQS CreateSqsClient(AwsEmulators emulators) => new AmazonSQSClient(
        Credentials,
        new AmazonSQSConfig { ServiceURL = emulators.SqsSnsUrl.ToString(), AuthenticationRegion = Region });

    /// <summary>A name no other test uses on the shared emulators: the prefix and eight random hex digits.</summary>
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
