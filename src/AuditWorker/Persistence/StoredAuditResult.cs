using System.Text.Json.Serialization;
using TokenGovernance.Audit.Listing;
using TokenGovernance.Audit.Policy;

namespace TokenGovernance.AuditWorker.Persistence;

// The snapshot payload stored per audit run: what /metrics and /report need, never a token value.
// Stored data outlives releases: fields may be added, never renamed.

public sealed class StoredAuditResult
{
    public required string Target { get; init; }

    public required string Url { get; init; }

    public required string Flavor { get; init; }

    /// <summary>Absent from snapshots written before InfluxDB 3 targets: those were all influxdb2.</summary>
    public string? Kind { get; init; }

    public required string Outcome { get; init; }

    public string? Error { get; init; }

    public int Organizations { get; init; }

    public int Users { get; init; }

    public int Authorizations { get; init; }

    public int ActiveAuthorizations { get; init; }

    public int InactiveAuthorizations { get; init; }

    public bool TokenValuesVisible { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset FinishedAt { get; init; }

    public List<StoredReferenceCount>? ReferenceCounts { get; init; }

    public List<string>? ReferenceErrors { get; init; }

    /// <summary>Absent in payloads written before products could lack owners, status or expiry.</summary>
    public List<string>? RulesNotApplicable { get; init; }

    public required List<StoredFinding> Findings { get; init; }

    /// <summary>Tokens by owner kind, access and status; absent in payloads written before the token inventory.</summary>
    public List<TokenCount>? TokenCounts { get; init; }

    /// <summary>Every token, when <c>Http:ExposeTokens</c> is on; absent otherwise.</summary>
    public List<TokenRecord>? Tokens { get; init; }
}

public sealed record StoredReferenceCount(string Source, string State, int Count);

public sealed class StoredFinding
{
    public required string RuleId { get; init; }

    public required Severity Severity { get; init; }

    public string? Org { get; init; }

    public string? OrgId { get; init; }

    public string? AuthorizationId { get; init; }

    public string? Description { get; init; }

    /// <summary>InfluxDB 3: the token's name (absent from snapshots written before InfluxDB 3 targets).</summary>
    public string? TokenName { get; init; }

    public string? User { get; init; }

    public string? UserId { get; init; }

    public string? ReferenceSource { get; init; }

    public string? ReferenceLocation { get; init; }

    /// <summary>How the reference was matched (<c>id</c>, <c>fingerprint</c>, <c>hash-prefix</c>, <c>probe</c>).</summary>
    public string? ReferenceMatchedBy { get; init; }

    public required string Message { get; init; }

    public bool Suppressed { get; init; }

    public AppliedExemption? Exemption { get; init; }

    public DateTimeOffset? FirstSeen { get; init; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(StoredAuditResult))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;
