using Microsoft.Extensions.Options;
using TokenGovernance.AuditWorker.Auditing;
using TokenGovernance.AuditWorker.Configuration;
using TokenGovernance.AuditWorker.Telemetry;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>Runs one scheduled audit of one target and records it: state (for /metrics and /report) and counters.</summary>
public sealed class AuditCoordinator(AuditRunner runner, AuditStateStore state, AuditMetrics metrics, IOptions<TokenGovernanceOptions> options)
{
    public async Task<TargetAuditResult> RunTargetAsync(string targetName, CancellationToken cancellationToken)
    {
        var target = options.Value.Targets.Single(candidate => candidate.Name == targetName);
        var result = await runner.RunOneAsync(target, cancellationToken);
        state.Record(result);
        metrics.RecordRun(result);
        return result;
    }
}
