using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy;

/// <summary>What one audit read from one InfluxDB target: the input of the policy rules.</summary>
public sealed class TargetSnapshot
{
    public required string TargetName { get; init; }

    public required InfluxFlavor Flavor { get; init; }

    public required IReadOnlyList<InfluxOrganization> Organizations { get; init; }

    public required IReadOnlyDictionary<string, InfluxUser> UsersById { get; init; }

    /// <summary>Owners that <c>GET /api/v2/users/{id}</c> answered with 404.</summary>
    public required IReadOnlySet<string> DeletedUserIds { get; init; }

    public required IReadOnlyList<InfluxAuthorization> Authorizations { get; init; }

    /// <summary>Resource types from <c>GET /api/v2/resources</c>.</summary>
    public required IReadOnlySet<string> ResourceTypes { get; init; }

    /// <summary>The user of the audit token (<c>GET /api/v2/me</c>).</summary>
    public InfluxUser? AuditUser { get; init; }

    /// <summary>Users the listing returned (before owner lookups): for the coverage check.</summary>
    public int ListedUserCount { get; init; }

    private Dictionary<string, string>? _organizationNames;

    /// <summary>By id, from a dictionary built on first use: asked once per finding, over hundreds of orgs.</summary>
    public string? OrganizationName(string? orgId)
    {
        if (orgId is null)
        {
            return null;
        }

        _organizationNames ??= Organizations.GroupBy(org => org.Id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First().Name, StringComparer.Ordinal);
        return _organizationNames.GetValueOrDefault(orgId);
    }

    public InfluxUser? Owner(InfluxAuthorization authorization) =>
        authorization.UserId is not null && UsersById.TryGetValue(authorization.UserId, out var user) ? user : null;

    public string? OwnerName(InfluxAuthorization authorization) => authorization.User ?? Owner(authorization)?.Name;
}
