using TokenGovernance.Audit.Auditing;

namespace TokenGovernance.AuditWorker.Results;

/// <summary>Where a finished audit goes: findings history, counters and the snapshot every endpoint serves.</summary>
public interface IAuditResultStore
{
    /// <summary>Records <paramref name="result"/> and returns it with <c>FirstSeen</c> set on each finding.</summary>
    Task<TargetAuditResult> StoreAsync(TargetAuditResult result, AuditRun run, CancellationToken cancellationToken);
}

/// <summary>How many findings of one rule opened and resolved on one target, since history began.</summary>
public readonly record struct FindingCounts(long Opened, long Resolved);
