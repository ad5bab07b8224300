using Quartz;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>One Quartz job per target; never two runs of the same target at once (across the cluster, too).</summary>
[DisallowConcurrentExecution]
public sealed class TargetAuditJob(AuditCoordinator coordinator, ShutdownGrace grace) : IJob
{
    public const string TargetKey = "target";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var target = context.MergedJobDataMap.GetString(TargetKey)!;
        var run = new AuditRun(Guid.CreateVersion7(), context.Scheduler.SchedulerInstanceId, context.FireInstanceId, context.ScheduledFireTimeUtc);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, grace.Token);
        await coordinator.RunTargetAsync(target, run, linked.Token);
    }
}
