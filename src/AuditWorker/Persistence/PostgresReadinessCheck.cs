using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace TokenGovernance.AuditWorker.Persistence;

/// <summary>
/// Ready when the clustered scheduler runs and the snapshot this replica serves was read from PostgreSQL recently.
/// Not tied to audit success: a replica whose audits fail stays scrapeable.
/// </summary>
public sealed class PostgresReadinessCheck(StoreHealth health, IOptions<SchedulerOptions> scheduler, TimeProvider time) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var stale = TimeSpan.FromTicks(Math.Max(scheduler.Value.SnapshotCacheDuration.Ticks * 3, TimeSpan.FromSeconds(30).Ticks));
        var result = health switch
        {
            { Problem: { } problem } => HealthCheckResult.Unhealthy("PostgreSQL store unavailable: " + problem),
            { SchedulerStarted: false } => HealthCheckResult.Unhealthy("scheduler not started: waiting for the PostgreSQL store"),
            { LastRefresh: null } => HealthCheckResult.Unhealthy("snapshot not read from PostgreSQL yet"),
            { LastRefresh: { } at } when time.GetUtcNow() - at > stale => HealthCheckResult.Unhealthy($"snapshot last read from PostgreSQL at {at:O}"),
            _ => HealthCheckResult.Healthy("scheduler started; snapshot read from PostgreSQL"),
        };
        return Task.FromResult(result);
    }
}
