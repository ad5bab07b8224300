using TokenGovernance.Audit.Reporting;

namespace TokenGovernance.Audit.Remediation;

// The `remediate plan` file (schemaVersion 1). A contract: fields may be added, never renamed. It never holds a token
// value: the fingerprint (when the server showed the value) and a digest of the permissions identify what was read.

/// <summary>What <c>tokengov remediate apply</c> may do, as reviewed: made by <see cref="RemediationPlanner"/>, sealed by its <see cref="Digest"/>.</summary>
public sealed record RemediationPlan
{
    public int SchemaVersion { get; init; } = 1;

    public required ReportTool Tool { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>A digest of the targets and the remediation settings the plan was made with: apply refuses another configuration.</summary>
    public required string ConfigDigest { get; init; }

    public required List<PlanTarget> Targets { get; init; }

    /// <summary>Every action: <c>due</c> (apply does it), <c>pending</c> (its grace period runs until <c>dueAt</c>), <c>refused</c> (caps).</summary>
    public required List<PlannedAction> Actions { get; init; }

    /// <summary>Tokens a rule would act on that are protected, with why.</summary>
    public required List<SkippedToken> Skipped { get; init; }

    /// <summary><c>sha256:</c> over the plan without this field; null only while it is computed.</summary>
    public string? Digest { get; init; }
}

public sealed record PlanTarget(string Name, string? Product, string? Error, int Tokens, int Due, int Pending, string? Refused);

public sealed record PlannedAction
{
    public required string Target { get; init; }

    public required string TokenId { get; init; }

    public string? Fingerprint { get; init; }

    public string? Description { get; init; }

    public string? Owner { get; init; }

    /// <summary>The token's <c>updatedAt</c> as read: apply refuses a token changed since.</summary>
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>A digest of the token's permissions as read (<see cref="PermissionsDigest"/>).</summary>
    public required string PermissionsDigest { get; init; }

    /// <summary><c>deactivate</c> or <c>reissue</c>.</summary>
    public required string Action { get; init; }

    public required string Rule { get; init; }

    public required string Message { get; init; }

    public required DateTimeOffset FirstSeen { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary><c>due</c>, <c>pending</c> or <c>refused</c>.</summary>
    public required string State { get; init; }

    public string? Reason { get; init; }

    /// <summary><c>reissue</c>: the token apply creates (same permissions, for the service user).</summary>
    public PlannedToken? NewToken { get; init; }

    /// <summary>
    /// <c>reissue</c>: every reference that holds the token, and whether apply rewrites it. A <c>deactivate</c> that
    /// retires a re-issued token: the previous copies it removes.
    /// </summary>
    public List<PlannedReference>? References { get; init; }

    /// <summary>A <c>deactivate</c> that retires a token re-issued earlier: the id of the token that replaced it.</summary>
    public string? ReissuedAs { get; init; }
}

/// <summary>The token a re-issue creates: never a value, only what it will be.</summary>
public sealed record PlannedToken
{
    public required string ServiceUserId { get; init; }

    public required string ServiceUserName { get; init; }

    public required string OrgId { get; init; }

    /// <summary><c>&lt;old description&gt; (re-issued from &lt;old id&gt;)</c>.</summary>
    public required string Description { get; init; }

    /// <summary>The old token's permissions, identical (apply checks them against its digest again).</summary>
    public required List<Listing.PermissionRecord> Permissions { get; init; }
}

/// <summary>
/// A place that holds a token: <c>file</c> (<see cref="Location"/> is its path) or <c>kubernetes-secret</c>
/// (<c>namespace/name#key</c>), with the fingerprint of the value found there, which is how apply finds it again.
/// </summary>
public sealed record PlannedReference(string Source, string Location, string? Fingerprint, bool Rewrite, string? Reason = null);

public sealed record SkippedToken(string Target, string TokenId, string Rule, string Reason);

public static class ActionStates
{
    public const string Due = "due";
    public const string Pending = "pending";
    public const string Refused = "refused";
}
