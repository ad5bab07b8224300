using System.Diagnostics.Metrics;
using Quartz;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>
/// Finds the audit triggers Quartz has put in ERROR (a job it could not load or build: its target would never be
/// audited again) and puts them back to waiting, with a warning naming each and the counter
/// <c>tokengov_scheduler_triggers_recovered_total</c> (alert TokenGovernanceSchedulerTriggerInError). Run when the
/// scheduler's jobs are registered (<see cref="AttachAsync"/>) and then every minute by <see cref="ErroredTriggerWatch"/>.
/// </summary>
public sealed class ErroredTriggerRecovery
{
    public const string RecoveredInstrument = "tokengov.scheduler.triggers_recovered";

    private readonly ILogger<ErroredTriggerRecovery> _logger;
    private long _recovered;

    public ErroredTriggerRecovery(IMeterFactory meterFactory, ILogger<ErroredTriggerRecovery> logger)
    {
        _logger = logger;
        // The same meter the other tokengov metrics are on (the factory hands out one instance per name and version).
        var meter = meterFactory.Create(Telemetry.AuditMetrics.MeterName, Audit.Reporting.ToolInfo.Version);
        // Observed rather than added to, so that the series is there at 0 from the first scrape.
        meter.CreateObservableCounter(RecoveredInstrument, () => Interlocked.Read(ref _recovered),
            description: "Audit triggers found in ERROR (their target would never be audited again) and put back to waiting.");
    }

    /// <summary>The scheduler the audits run on, once its jobs are registered; null before.</summary>
    public IScheduler? Scheduler { get; private set; }

    /// <summary>Called where the jobs are registered: remembers the scheduler and recovers what an earlier run left in ERROR.</summary>
    public Task<int> AttachAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        Scheduler = scheduler;
        return RecoverAsync(scheduler, cancellationToken);
    }

    /// <summary>Resets every audit trigger in ERROR; returns how many there were.</summary>
    public async Task<int> RecoverAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        var found = 0;
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.GroupEquals(AuditJobScheduler.Group), cancellationToken))
        {
            if (await scheduler.GetTriggerState(key, cancellationToken) != TriggerState.Error)
            {
                continue;
            }

            await scheduler.ResetTriggerFromErrorState(key, cancellationToken);
            found++;
            _logger.LogWarning(
                "Trigger {Trigger} was in ERROR (Quartz could not run its job; its target was not being audited): put back to waiting",
                key.Name);
        }

        Interlocked.Add(ref _recovered, found);
        return found;
    }
}
