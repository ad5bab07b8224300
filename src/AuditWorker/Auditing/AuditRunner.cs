using Microsoft.Extensions.Options;
using TokenGovernance.AuditWorker.Configuration;

namespace TokenGovernance.AuditWorker.Auditing;

/// <summary>Audits targets concurrently (bounded); one failing target never stops the others.</summary>
public sealed class AuditRunner(TargetAuditor auditor, IOptions<TokenGovernanceOptions> options, TimeProvider time, ILogger<AuditRunner> logger)
{
    public async Task<AuditReport> RunAsync(IReadOnlyList<TargetOptions> targets, CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var results = new TargetAuditResult[targets.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, targets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.MaxConcurrentTargets), CancellationToken = cancellationToken },
            async (index, token) =>
            {
                results[index] = await RunOneAsync(targets[index], token);
            });
        return new AuditReport(startedAt, time.GetUtcNow(), results);
    }

    /// <summary>One target with the configured per-run timeout; logs the summary line.</summary>
    public async Task<TargetAuditResult> RunOneAsync(TargetOptions target, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.AuditTimeout);
        var result = await auditor.AuditAsync(target, timeout.Token);
        logger.AuditFinished(
            result.Target,
            result.Outcome.ToString().ToLowerInvariant(),
            result.Authorizations,
            result.Findings.Count(finding => !finding.Suppressed),
            result.Findings.Count(finding => finding.Suppressed),
            result.Duration.TotalSeconds);
        return result;
    }
}
