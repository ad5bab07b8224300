using Microsoft.Extensions.Options;
using TokenGovernance.Audit.Auditing;
using TokenGovernance.Audit.Configuration;
using TokenGovernance.AuditWorker.Hosting.Authentication;
using TokenGovernance.AuditWorker.Persistence;
using TokenGovernance.AuditWorker.Results;
using TokenGovernance.AuditWorker.Telemetry;

namespace TokenGovernance.AuditWorker.Scheduling;

/// <summary>Runs one scheduled audit of one target and records it: the result store (history, snapshot) and counters.</summary>
public sealed class AuditCoordinator(
    AuditRunner runner,
    IAuditResultStore store,
    AuditMetrics metrics,
    Remediation.RemediationStatus remediation,
    Remediation.ScheduledRemediation scheduledRemediation,
    IOptions<TokenGovernanceOptions> options,
    IOptions<HttpEndpointOptions> http,
    ILogger<AuditCoordinator> logger)
{
    public async Task<TargetAuditResult?> RunTargetAsync(string targetName, AuditRun run, CancellationToken cancellationToken)
    {
        var target = options.Value.Targets.FirstOrDefault(candidate => candidate.Name == targetName);
        if (target is null)
        {
            // A clustered schedule can hold a job a replica with older configuration does not know (rolling update).
            logger.LogWarning("Skipping the scheduled audit of target {Target}: it is not in this replica's configuration", targetName);
            return null;
        }

        // Counts feed tokengov_tokens; a record per token only when /tokens serves them.
        var detail = http.Value.ExposeTokens || remediation.Enabled ? AuditDetail.Tokens : AuditDetail.Counts;
        var result = await runner.RunOneAsync(target, cancellationToken, new AuditRequest { Detail = detail });
        try
        {
            result = await store.StoreAsync(result, run, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var reason = DatabaseErrors.OneLine(exception);
            logger.LogError("The audit of target {Target} finished but its result could not be stored: {Reason}", targetName, reason);
            result = result with { Outcome = AuditOutcome.Failure, Findings = [], Error = $"target '{targetName}': the result could not be stored: {reason}" };
            metrics.RecordRun(result);
            throw;
        }

        metrics.RecordRun(result);
        await scheduledRemediation.AfterAuditAsync(result, cancellationToken);
        return result;
    }
}
