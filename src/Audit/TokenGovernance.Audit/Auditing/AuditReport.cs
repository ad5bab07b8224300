namespace TokenGovernance.Audit.Auditing;

/// <summary>One audit of every configured target.</summary>
public sealed record AuditReport(DateTimeOffset StartedAt, DateTimeOffset FinishedAt, IReadOnlyList<TargetAuditResult> Targets)
{
    /// <summary>A target that could not be read, or one of whose reference sources failed: not known to be clean.</summary>
    public bool AnyTargetFailed => Targets.Any(target => target.Outcome == AuditOutcome.Failure || target.References is { Errors.Count: > 0 });
}
