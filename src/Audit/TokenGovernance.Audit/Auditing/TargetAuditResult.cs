using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Policy;
using TokenGovernance.Audit.References;

namespace TokenGovernance.Audit.Auditing;

public enum AuditOutcome
{
    Success,
    Failure,
}

/// <summary>What an audit keeps besides its findings.</summary>
public enum AuditDetail
{
    /// <summary>Findings only: <c>tokengov audit</c>.</summary>
    Findings,

    /// <summary>Also <see cref="TargetAuditResult.TokenCounts"/>: the worker, for <c>tokengov_tokens</c>.</summary>
    Counts,

    /// <summary>Also a <see cref="TokenRecord"/> per token: <c>tokengov tokens</c>, and the worker's <c>/tokens</c>.</summary>
    Tokens,
}

/// <summary>The result of auditing one target once. A failure never carries findings: it is not "clean".</summary>
public sealed record TargetAuditResult
{
    public required string Target { get; init; }

    public required string Url { get; init; }

    /// <summary>The product as the report names it (<c>oss</c>, <c>cloud</c>, <c>core</c>, <c>enterprise</c>, <c>cloud-dedicated</c>, <c>clustered</c>); null for a failed audit.</summary>
    public string? Flavor { get; init; }

    /// <summary>The target's kind (its product plug-in's word), failed audits included.</summary>
    public string Kind { get; init; } = string.Empty;

    public required AuditOutcome Outcome { get; init; }

    /// <summary>One line naming the target and the cause; null on success.</summary>
    public string? Error { get; init; }

    /// <summary>The failure is a bug in tokengov (an exception no audit step expects), not a problem of the target.</summary>
    public bool InternalError { get; init; }

    public int Organizations { get; init; }

    public int Users { get; init; }

    public int Authorizations { get; init; }

    public int ActiveAuthorizations { get; init; }

    public int InactiveAuthorizations { get; init; }

    public bool TokenValuesVisible { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    /// <summary>Enabled rules skipped because the product cannot tell what they need; empty when all applied.</summary>
    public IReadOnlyList<string> RulesNotApplicable { get; init; } = [];

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public TimeSpan Duration => FinishedAt - StartedAt;

    /// <summary>The audit token's user, where the product has users (remediation never touches its tokens).</summary>
    public Model.Principal? AuditUser { get; init; }

    /// <summary>Tokens by owner kind, access and status (<c>tokengov_tokens</c>) when asked for (<see cref="AuditDetail.Counts"/>); else empty.</summary>
    public IReadOnlyList<TokenCount> TokenCounts { get; init; } = [];

    /// <summary>Every token as the listing shows it, when the audit was asked for them (<see cref="AuditDetail.Tokens"/>); else null.</summary>
    public IReadOnlyList<TokenRecord>? Tokens { get; init; }

    /// <summary>What the reference sources found for this target; null when none are configured.</summary>
    public ReferenceSummary? References { get; init; }
}
