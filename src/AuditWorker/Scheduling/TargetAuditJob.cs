using Quartz;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>One Quartz job per target; never two runs of the same target at once.</summary>
[DisallowConcurrentExecution]
public sealed class TargetAuditJob(AuditCoordinator coordinator, ShutdownGrace grace) : IJob
{
    public const string TargetKey = "target";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var target = context.MergedJobDataMap.GetString(TargetKey)!;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, grace.Token);
        await coordinator.RunTargetAsync(target, linked.Token);
    }
}
