namespace TokenGovernance.Audit.Policy;

/// <summary>One policy breach. Never holds a token value: only ids, names and a message.</summary>
public sealed record Finding
{
    public required PolicyRuleDescriptor Rule { get; init; }

    public required Severity Severity { get; init; }

    public required string Target { get; init; }

    public string? Org { get; init; }

    public string? OrgId { get; init; }

    public string? AuthorizationId { get; init; }

    public string? Description { get; init; }

    /// <summary>InfluxDB 3 Core/Enterprise: the token's name (<c>_admin</c>, ...).</summary>
    public string? TokenName { get; init; }

    public string? User { get; init; }

    public string? UserId { get; init; }

    public FindingReference? Reference { get; init; }

    public required string Message { get; init; }

    public bool Suppressed { get; init; }

    public AppliedExemption? Exemption { get; init; }

    /// <summary>When this finding was first seen, from the findings history; null without history.</summary>
    public DateTimeOffset? FirstSeen { get; init; }

    /// <summary>What the finding is about, for history keys: the authorization id or the reference location.</summary>
    public string Subject => AuthorizationId ?? Reference?.Location ?? string.Empty;
}

/// <summary>Where a token is referenced (never the value), and how it was matched to its token (<see cref="Model.ReferenceMatches"/>; null: not matched).</summary>
public sealed record FindingReference(string Source, string Location, string? MatchedBy = null);

public sealed record AppliedExemption(string Reason, string? Owner, string? Expires);
