using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>Ready when the scheduler runs. Deliberately not tied to audit success: a failing auditor stays scrapeable.</summary>
public sealed class SchedulerReadinessCheck(ISchedulerFactory schedulerFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulerFactory.GetScheduler(cancellationToken);
        return scheduler.Status == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("scheduler started")
            : HealthCheckResult.Unhealthy("scheduler not started");
    }
}
