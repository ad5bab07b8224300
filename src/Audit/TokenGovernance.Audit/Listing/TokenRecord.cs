using TokenGovernance.Audit.Policy;

namespace TokenGovernance.Audit.Listing;

// The `tokens --format json` token object (schemaVersion 1) and the snapshot's copy of it. A contract: fields may be
// added, never renamed. Every field of the neutral model (Model/Token) is here, in words rather than enums, with what
// the policy's configuration says about the owner; never the value, only how the server showed it and a fingerprint.

/// <summary>One token as <c>tokengov tokens</c> shows it: built once per audit by <see cref="TokenRecordBuilder"/>.</summary>
public sealed record TokenRecord
{
    public required string Target { get; init; }

    /// <summary>The product as the report names it (<c>oss</c>, <c>cloud</c>).</summary>
    public required string Product { get; init; }

    public required string Id { get; init; }

    public string? Description { get; init; }

    /// <summary>InfluxDB 3 Core/Enterprise: the token's name; null for the products whose tokens have none.</summary>
    public string? Name { get; init; }

    public string? OwnerId { get; init; }

    public string? OwnerName { get; init; }

    /// <summary><see cref="OwnerKinds"/>: <c>generic</c>, <c>personal</c>, <c>admin</c>, <c>deleted</c> or <c>none</c>.</summary>
    public required string OwnerKind { get; init; }

    /// <summary><c>active</c>, <c>inactive</c>, <c>deleted</c> or <c>unknown</c>; null when the token has no owner.</summary>
    public string? OwnerStatus { get; init; }

    /// <summary>The org (v2) or database the token belongs to.</summary>
    public string? ScopeId { get; init; }

    public string? ScopeName { get; init; }

    /// <summary><see cref="TokenKinds"/>: <c>custom</c>, <c>operator</c>, <c>all-access</c>, <c>admin</c>, ...</summary>
    public required string Kind { get; init; }

    /// <summary><c>active</c>, <c>inactive</c>, <c>expired</c> or <c>revoked</c>.</summary>
    public required string Status { get; init; }

    /// <summary><see cref="TokenAccess"/>: the most the token can do, <c>read</c>, <c>write</c> or <c>admin</c>.</summary>
    public required string Access { get; init; }

    public required IReadOnlyList<PermissionRecord> Permissions { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Null when the token never expires (every v2 token).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    public string? CreatedBy { get; init; }

    /// <summary>How the server showed the value: <c>visible</c> (only its fingerprint is kept), <c>empty</c>, <c>redacted</c>, <c>missing</c>.</summary>
    public required string ValueVisibility { get; init; }

    /// <summary>The fingerprint of the value when the server returned it (OSS ≤ 2.8): enough to match a copy, not to use it.</summary>
    public string? Fingerprint { get; init; }

    /// <summary>Where the token is referenced (files, Secrets, inventory), when reference sources are configured.</summary>
    public IReadOnlyList<TokenReferenceRecord> References { get; init; } = [];

    /// <summary>
    /// The token's findings: attached by the auditor when it keeps records for a query, else when a listing is assembled
    /// (then with <c>firstSeen</c> from the history); null in a snapshot.
    /// </summary>
    public IReadOnlyList<ReportFinding>? Findings { get; init; }
}

public sealed record PermissionRecord(string Action, string ResourceType, string? ScopeId, string? ScopeName, string? ResourceId, string? ResourceName);

/// <summary>
/// A reference that holds the token: source, location (never the value), its state (<c>working</c>, <c>inactive</c>, ...),
/// how it was matched, and the fingerprint of the value found there (how a re-issue finds it again).
/// </summary>
public sealed record TokenReferenceRecord(string Source, string Location, string State, string? MatchedBy = null, string? Fingerprint = null);
