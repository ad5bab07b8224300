using Microsoft.Extensions.Diagnostics.HealthChecks;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.AuditWorker.Results;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>
/// Says on <c>/readyz</c> which targets failed their last audit and why. Degraded, not unhealthy: readiness stays
/// 200 so a failing auditor keeps being scraped and its failure metrics reach the alerts.
/// </summary>
public sealed class AuditOutcomeCheck(AuditStateStore state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var failed = state.Targets.Values.Select(target => target.Last).Where(last => last.Outcome == AuditOutcome.Failure)
            .OrderBy(last => last.Target, StringComparer.Ordinal).ToList();
        if (failed.Count == 0)
        {
            return Task.FromResult(HealthCheckResult.Healthy(state.Targets.Count == 0 ? "no audit has finished yet" : "every target's last audit succeeded"));
        }

        var causes = string.Join("; ", failed.Select(last => last.Error ?? $"target '{last.Target}' failed"));
        return Task.FromResult(HealthCheckResult.Degraded($"{failed.Count} target(s) failed their last audit: {causes}"));
    }
}
