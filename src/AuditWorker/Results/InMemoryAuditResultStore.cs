using TokenGovernance.Audit.Auditing;

namespace TokenGovernance.AuditWorker.Results;

/// <summary><c>Scheduler:Store = memory</c>: history and snapshot live in this process only.</summary>
public sealed class InMemoryAuditResultStore(AuditStateStore state, InMemoryFindingsHistory history) : IAuditResultStore
{
    public Task<TargetAuditResult> StoreAsync(TargetAuditResult result, AuditRun run, CancellationToken cancellationToken)
    {
        if (result.Outcome == AuditOutcome.Success)
        {
            var (findings, counts) = history.Apply(result.Target, result.Findings, result.FinishedAt);
            result = result with { Findings = findings };
            state.SetCounts(result.Target, counts);
        }

        state.Record(result);
        return Task.FromResult(result);
    }
}
