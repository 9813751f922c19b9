using Microsoft.Extensions.DependencyInjection;
using SesAnalytics.Core.Providers;
using SesAnalytics.Tests.Aws;
using SesAnalytics.Tests.Emulators;

namespace SesAnalytics.Tests.Conformance;

/// <summary>The queue conformance tests against the SQS queues on fauxqs, each test with its own queue and DLQ.</summary>
[Collection(AwsEmulatorsCollection.Name)]
public sealed class SqsEventQueueConformanceTests(AwsEmulators emulators) : EventQueueConformance
{
    private ServiceProvider? _services;

    protected override int MaxReceiveCount => 3;

    // SQS publishes the oldest message's age only as a CloudWatch metric, not through GetQueueAttributes.
    protected override bool ReportsOldestAge => false;

    protected override async Task<(IEventQueues Queues, string Pipeline)> CreateQueuesAsync()
    {
        var pipeline = await EmulatorPipelineQueues.CreateAsync(emulators, "outreach", maxReceiveCount: MaxReceiveCount);
        _services = AwsTestServices.Build(emulators, [pipeline.ToOptions()]);
        return (_services.GetRequiredService<IEventQueues>(), pipeline.Id);
    }

    protected override async Task DisposeQueuesAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }
    }
}
