using Quartz;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>
/// Every minute, once the scheduler runs (never creating it: that is its starter's), puts audit triggers found in ERROR back to waiting
/// (<see cref="ErroredTriggerRecovery"/>). A failed look (the database away) is logged and tried at the next minute.
/// </summary>
public sealed class ErroredTriggerWatch(
    ErroredTriggerRecovery recovery, TimeProvider time, ILogger<ErroredTriggerWatch> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                if (recovery.Scheduler is { Status: SchedulerStatus.Running } scheduler)
                {
                    await recovery.RecoverAsync(scheduler, stoppingToken);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Could not look for audit triggers in ERROR: {Reason}", exception.Message);
            }
        }
    }
}
