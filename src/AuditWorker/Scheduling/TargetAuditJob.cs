using System.Globalization;
using Quartz;
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
        var run = new AuditRun(Guid.CreateVersion7(), context.Scheduler.SchedulerInstanceId, context.FireInstanceId, ScheduledFireTime(context));
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, grace.Token);
        await coordinator.RunTargetAsync(target, run, linked.Token);
    }

    /// <summary>
    /// The fire this run answers for. A run recovering one that a dead replica left in flight answers for that
    /// replica's fire: its recovery trigger carries the original scheduled time (its own is when the replica fired).
    /// </summary>
    public static DateTimeOffset? ScheduledFireTime(IJobExecutionContext context)
    {
        if (context.Recovering
            && context.Trigger.JobDataMap.TryGetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime, out var original)
            && ParseStoredTime(original) is { } scheduled)
        {
            return scheduled;
        }

        return context.ScheduledFireTimeUtc;
    }

    /// <summary>Quartz writes the time as Unix milliseconds or as an invariant-culture date; anything else is not used.</summary>
    private static DateTimeOffset? ParseStoredTime(string? value) =>
        long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var milliseconds) ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
        : DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed.ToUniversalTime()
        : null;
}
