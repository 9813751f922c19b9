using Microsoft.Azure.Functions.Worker;
using SesAnalytics.Core.Draining;
using SesAnalytics.Core.Pipelines;

namespace SesAnalytics.Functions.Functions;

/// <summary>
/// Timer drains, one per pipeline, on schedules from app settings. A drain that leaves messages behind because
/// the store refused them throws, so the invocation shows as failed.
/// </summary>
public sealed class DrainFunctions(DrainService drain, PipelineCatalog pipelines)
{
    [Function("DrainOutreach")]
    public Task DrainOutreachAsync(
        [TimerTrigger("%OutreachDrainSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        drain.DrainAsync(PipelineDefaults.Outreach, cancellationToken);

    [Function("DrainFinancial")]
    public Task DrainFinancialAsync(
        [TimerTrigger("%FinancialDrainSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        drain.DrainAsync(PipelineDefaults.Financial, cancellationToken);

    /// <summary>Drains every pipeline added by configuration beyond the two built-in ones.</summary>
    [Function("DrainAdditionalPipelines")]
    public async Task DrainAdditionalPipelinesAsync(
        [TimerTrigger("%AdditionalPipelinesDrainSchedule%")] TimerInfo timer,
        CancellationToken cancellationToken)
    {
        var additional = pipelines.All
            .Where(p => p.Id is not (PipelineDefaults.Outreach or PipelineDefaults.Financial))
            .Select(p => p.Id)
            .ToList();
        var failures = new List<Exception>();
        foreach (var pipeline in additional)
        {
            try
            {
                await drain.DrainAsync(pipeline, cancellationToken);
            }
            catch (DrainFailedException e)
            {
                // One pipeline's store failure must not keep the others from draining; all failures are rethrown below.
                failures.Add(e);
            }
        }

        if (failures.Count > 0)
        {
            throw new AggregateException("Draining additional pipelines left messages on their queues.", failures);
        }
    }
}
