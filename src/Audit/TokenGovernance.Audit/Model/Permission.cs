namespace TokenGovernance.Audit.Model;

/// <summary>
/// One permission: an action on a resource type, within a scope or on one resource. Wildcards are explicit: no
/// <see cref="ScopeId"/> and no <see cref="ResourceId"/> is the whole instance; a scope without a resource id is the
/// whole scope (v2: org-wide).
/// </summary>
public sealed class Permission
{
    public required string Action { get; init; }

    public required string ResourceType { get; init; }

    public string? ScopeId { get; init; }

    public string? ScopeName { get; init; }

    public string? ResourceId { get; init; }

    public string? ResourceName { get; init; }

    public bool IsWrite => string.Equals(Action, "write", StringComparison.Ordinal);

    public bool IsRead => string.Equals(Action, "read", StringComparison.Ordinal);

    public bool IsInstanceWide => ScopeId is null && ResourceId is null;

    public bool IsScopeWide => ScopeId is not null && ResourceId is null;

    /// <summary>InfluxDB 3, Dedicated, Clustered: an action on one database, or on every database (<c>*</c> or null).</summary>
    public static Permission OnDatabase(string action, string? database) => database is null or "*"
        ? new Permission { Action = action, ResourceType = "databases" }
        : new Permission { Action = action, ResourceType = "databases", ResourceId = database, ResourceName = database };
}
