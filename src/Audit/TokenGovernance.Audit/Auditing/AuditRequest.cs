using TokenGovernance.Audit.Listing;

namespace TokenGovernance.Audit.Auditing;

/// <summary>What one audit is asked for besides its findings: <see cref="Default"/> is what <c>tokengov audit</c> runs.</summary>
public sealed record AuditRequest
{
    public static AuditRequest Default { get; } = new();

    public AuditDetail Detail { get; init; } = AuditDetail.Findings;

    /// <summary>Which tokens the read must cover (<c>tokens --user</c> narrows it).</summary>
    public ReadScope Scope { get; init; } = ReadScope.All;

    /// <summary>
    /// With <see cref="AuditDetail.Tokens"/>: keep a record only for the tokens this query keeps (the CLI's filters), so
    /// a listing of ten tokens out of 100,000 does not hold 100,000 records. Null keeps every token (the worker).
    /// </summary>
    public TokenQuery? Keep { get; init; }

    /// <summary>Told about each target's read as it goes; null for none (the worker, CI).</summary>
    public IAuditProgress? Progress { get; init; }
}
