using Microsoft.Extensions.Options;
using Quartz;
using TokenGovernance.Audit.Configuration;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>Memory store: schedules the jobs before the Quartz hosted service starts the scheduler.</summary>
public sealed class AuditJobRegistrar(ISchedulerFactory schedulerFactory, ErroredTriggerRecovery recovery, IOptions<TokenGovernanceOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        await AuditJobScheduler.ScheduleAsync(scheduler, options.Value, shared: false, cancellationToken);
        await recovery.AttachAsync(scheduler, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
