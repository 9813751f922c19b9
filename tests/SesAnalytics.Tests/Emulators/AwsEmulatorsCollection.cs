namespace SesAnalytics.Tests.Emulators;

/// <summary>Tests in this collection share one set of started emulators.</summary>
[CollectionDefinition(Name)]
public sealed class AwsEmulatorsCollection : ICollectionFixture<AwsEmulators>
{
    public const string Name = "AWS emulators";
}
