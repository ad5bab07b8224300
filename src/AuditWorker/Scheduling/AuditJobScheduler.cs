using Quartz;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>
/// Puts one durable job per target into a scheduler: a cron trigger (misfires: do nothing) and, with
/// <c>RunOnStart</c>, one immediate run. On a shared (clustered) store the schedule already there is kept: a job
/// is created (with its start run) only when the cluster does not have it yet, a cron trigger is replaced only when
/// its expression changed, and the jobs of targets no longer configured are removed — so a rolling restart of
/// the replicas neither resets the schedule nor audits every target once per replica. Jobs request recovery: an
/// audit in flight on a replica that dies is run again by another once the cluster notices (clustered store only).
/// </summary>
public static class AuditJobScheduler
{
    public const string Group = "tokengov";

    public static async Task ScheduleAsync(IScheduler scheduler, TokenGovernanceOptions settings, bool shared, CancellationToken cancellationToken)
    {
        foreach (var target in settings.Targets)
        {
            var jobKey = JobKeyFor(target.Name);
            var cron = CronTrigger(target, settings, jobKey);
            if (shared && await scheduler.Exists(jobKey, cancellationToken))
            {
                var existing = await scheduler.GetTrigger(cron.Key, cancellationToken) as ICronTrigger;
                if (existing?.CronExpressionString != ((ICronTrigger)cron).CronExpressionString)
                {
                    await scheduler.ScheduleJob(Job(target, jobKey), [cron], ScheduleJobOptions.Replacing, cancellationToken);
                }

                continue;
            }

            var triggers = new List<ITrigger> { cron };
            if (settings.RunOnStart)
            {
                triggers.Add(TriggerBuilder.Create().WithIdentity("start:" + target.Name, Group).ForJob(jobKey).StartNow().Build());
            }

            await scheduler.ScheduleJob(Job(target, jobKey), triggers, ScheduleJobOptions.Replacing, cancellationToken);
        }

        if (shared)
        {
            var configured = settings.Targets.Select(target => JobKeyFor(target.Name)).ToHashSet();
            var stale = (await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken)).Where(key => !configured.Contains(key)).ToList();
            if (stale.Count > 0)
            {
                await scheduler.DeleteJobs(stale, cancellationToken);
            }
        }
    }

    public static JobKey JobKeyFor(string target) => new("audit:" + target, Group);

    private static IJobDetail Job(TargetOptions target, JobKey jobKey) => JobBuilder.Create<TargetAuditJob>()
        .WithIdentity(jobKey)
        .UsingJobData(TargetAuditJob.TargetKey, target.Name)
        .StoreDurably()
        .RequestRecovery()
        .Build();

    private static ITrigger CronTrigger(TargetOptions target, TokenGovernanceOptions settings, JobKey jobKey) => TriggerBuilder.Create()
        .WithIdentity("cron:" + target.Name, Group)
        .ForJob(jobKey)
        .WithSchedule(CronScheduleBuilder.Create(target.Schedule ?? settings.Schedule).WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
        .Build();
}
