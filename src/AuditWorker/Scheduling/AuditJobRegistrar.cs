using Microsoft.Extensions.Options;
using Quartz;
using TokenGovernance.AuditWorker.Configuration;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>
/// Schedules one job per target from the validated options: a cron trigger (misfires: do nothing) and, with
/// <c>RunOnStart</c>, one immediate run.
/// </summary>
public sealed class AuditJobRegistrar(ISchedulerFactory schedulerFactory, IOptions<TokenGovernanceOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        foreach (var target in settings.Targets)
        {
            var jobKey = new JobKey("audit:" + target.Name, "tokengov");
            var job = JobBuilder.Create<TargetAuditJob>()
                .WithIdentity(jobKey)
                .UsingJobData(TargetAuditJob.TargetKey, target.Name)
                .StoreDurably()
                .Build();
            var triggers = new List<ITrigger>
            {
                TriggerBuilder.Create()
                    .WithIdentity("cron:" + target.Name, "tokengov")
                    .ForJob(jobKey)
                    .WithSchedule(CronScheduleBuilder.Create(target.Schedule ?? settings.Schedule)
                        .WithMisfireInstruction(CronTriggerMisfireInstruction.DoNothing))
                    .Build(),
            };
            if (settings.RunOnStart)
            {
                triggers.Add(TriggerBuilder.Create().WithIdentity("start:" + target.Name, "tokengov").ForJob(jobKey).StartNow().Build());
            }

            await scheduler.ScheduleJob(job, triggers, ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
