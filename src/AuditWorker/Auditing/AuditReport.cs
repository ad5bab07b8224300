namespace TokenGovernance.AuditWorker.Auditing;

/// <summary>One audit of every configured target.</summary>
public sealed record AuditReport(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, IReadOnlyList<TargetAuditResult> Targets)
{
    public bool AnyTargetFailed => Targets.Any(target => target.Outcome == AuditOutcome.Failure);
}
