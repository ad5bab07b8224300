namespace TokenGovernance.Audit.Model;

/// <summary>One token of one target, in terms every product can fill. Never holds the value: <see cref="Value"/> says how it is known.</summary>
public sealed class Token
{
    public required string Id { get; init; }

    public string? Description { get; init; }

    /// <summary>InfluxDB 3 Core/Enterprise: the token's name (<c>_admin</c>, or what <c>--name</c> gave); null elsewhere.</summary>
    public string? Name { get; init; }

    /// <summary>How messages name the token: its name, else its description, else its id.</summary>
    public string Label => !string.IsNullOrEmpty(Name) ? Name : !string.IsNullOrEmpty(Description) ? Description : Id;

    /// <summary>The principal the token belongs to; null for products without owners.</summary>
    public string? OwnerId { get; init; }

    /// <summary>The owner's name as the token listing gives it (it may be absent: see <see cref="TargetInventory.OwnerName"/>).</summary>
    public string? OwnerName { get; init; }

    public string? ScopeId { get; init; }

    public string? ScopeName { get; init; }

    public TokenKind Kind { get; init; }

    public TokenStatus Status { get; init; }

    public IReadOnlyList<Permission> Permissions { get; init; } = [];

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Null when the token never expires (or the product has no expiry: <see cref="ProductCapabilities.HasExpiry"/>).</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>Cloud Dedicated / Clustered: when the token was revoked (it stays listed, <see cref="TokenStatus.Revoked"/>).</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    /// <summary>The token that created this one, where the product records it (v3).</summary>
    public string? CreatedBy { get; init; }

    public TokenValue Value { get; init; }

    /// <summary>
    /// InfluxDB 3 Core/Enterprise: the first 9 hex characters of the value's SHA-512 (<c>system.tokens.hash</c>), to
    /// match a value found in a file without sending it anywhere; null where the product has none.
    /// </summary>
    public string? HashPrefix { get; init; }

    public bool IsActive => Status == TokenStatus.Active;
}
