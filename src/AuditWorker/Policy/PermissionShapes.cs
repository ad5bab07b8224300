using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy;

/// <summary>Answers questions about a token's permission set (REFERENCE.md §4).</summary>
public static class PermissionShapes
{
    /// <summary>Types every InfluxDB v2 product has had for years; an All-Access token covers them all org-wide.</summary>
    public static readonly IReadOnlyList<string> CommonOrgWideTypes =
    [
        "authorizations", "buckets", "dashboards", "tasks", "telegrafs", "variables", "secrets", "labels", "views",
        "documents", "notificationRules", "notificationEndpoints", "checks", "dbrp",
    ];

    private static readonly HashSet<string> PrivilegedTypes = new(StringComparer.Ordinal) { "authorizations", "users", "orgs", "secrets" };

    /// <summary>A permission with neither <c>orgID</c> nor <c>id</c> applies to the whole instance (operator token).</summary>
    public static bool IsInstanceWide(InfluxPermission permission) =>
        permission.Resource.OrgId is null && permission.Resource.Id is null;

    public static bool HasInstanceWidePermission(InfluxAuthorization authorization)
    {
        foreach (var permission in authorization.Permissions)
        {
            if (IsInstanceWide(permission))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Any write permission at all (loops rather than LINQ: asked of every token).</summary>
    public static bool HasWrite(InfluxAuthorization authorization)
    {
        foreach (var permission in authorization.Permissions)
        {
            if (permission.IsWrite)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The UI/CLI "All Access" shape: org-wide read and write on every resource type of the org (of the common types
    /// the server lists; <c>orgs</c> and <c>users</c> are scoped to one id even in an All-Access token).
    /// </summary>
    public static bool IsAllAccess(InfluxAuthorization authorization, IReadOnlySet<string> serverTypes)
    {
        if (authorization.OrgId is null || authorization.Permissions.Count < 2)
        {
            return false;
        }

        // Most tokens are scoped to buckets: without two org-wide permissions there is nothing to look at.
        var orgWideCount = 0;
        foreach (var permission in authorization.Permissions)
        {
            if (permission.Resource.Id is null && permission.Resource.OrgId == authorization.OrgId)
            {
                orgWideCount++;
            }
        }

        if (orgWideCount < 2)
        {
            return false;
        }

        var orgWide = new HashSet<(string Type, string Action)>(orgWideCount);
        foreach (var permission in authorization.Permissions)
        {
            if (permission.Resource.Id is null && permission.Resource.OrgId == authorization.OrgId)
            {
                orgWide.Add((permission.Resource.Type, permission.Action));
            }
        }

        var required = CommonOrgWideTypes.Where(type => serverTypes.Count == 0 || serverTypes.Contains(type));
        return required.All(type => orgWide.Contains((type, "read")) && orgWide.Contains((type, "write")));
    }

    public static bool IsOverBroad(InfluxAuthorization authorization, IReadOnlySet<string> serverTypes) =>
        ShapeOf(authorization, serverTypes) is { InstanceWide: true } or { AllAccess: true };

    /// <summary>The answers several rules need, computed once per authorization.</summary>
    public static PermissionShape ShapeOf(InfluxAuthorization authorization, IReadOnlySet<string> serverTypes) =>
        authorization.Shape ??= PermissionShape.Of(HasInstanceWidePermission(authorization), IsAllAccess(authorization, serverTypes));

    public static bool HasOrgWideBucketWrite(InfluxAuthorization authorization)
    {
        foreach (var permission in authorization.Permissions)
        {
            if (permission.IsWrite && permission.Resource.Type == "buckets" && permission.Resource.Id is null && permission.Resource.OrgId is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Allocation-free check before <see cref="PrivilegedWriteTypes"/>: most tokens have no such permission.</summary>
    public static bool HasPrivilegedWrite(InfluxAuthorization authorization)
    {
        foreach (var permission in authorization.Permissions)
        {
            if (permission.IsWrite && PrivilegedTypes.Contains(permission.Resource.Type))
            {
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<string> PrivilegedWriteTypes(InfluxAuthorization authorization) =>
        authorization.Permissions
            .Where(permission => permission.IsWrite && PrivilegedTypes.Contains(permission.Resource.Type))
            .Select(permission => permission.Resource.Type)
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// OSS fills <c>name</c> for buckets and orgs with an id, and <c>org</c> for every permission with an <c>orgID</c>;
    /// when the bucket or org is gone, both are missing.
    /// </summary>
    public static IEnumerable<InfluxPermission> DanglingPermissions(InfluxAuthorization authorization, bool serverFillsOrgNames) =>
        authorization.Permissions.Where(permission => IsDangling(permission, serverFillsOrgNames));

    /// <summary>Allocation-free check before <see cref="DanglingPermissions"/>: most tokens have none.</summary>
    public static bool HasDanglingPermission(InfluxAuthorization authorization, bool serverFillsOrgNames)
    {
        foreach (var permission in authorization.Permissions)
        {
            if (IsDangling(permission, serverFillsOrgNames))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDangling(InfluxPermission permission, bool serverFillsOrgNames) =>
        (permission.Resource.Type == "buckets" && permission.Resource.Id is not null && permission.Resource.Name is null && permission.Resource.Org is null)
        || (permission.Resource.Type == "orgs" && permission.Resource.Id is not null && permission.Resource.Name is null)
        || (serverFillsOrgNames && permission.Resource.OrgId is not null && permission.Resource.Org is null && permission.Resource.Type != "orgs");

    /// <summary>InfluxDB writes <c>0001-01-01T00:00:00Z</c> for "never set".</summary>
    public static bool IsKnown(DateTimeOffset? time) => time is { Year: > 1 };
}

public sealed record PermissionShape(bool InstanceWide, bool AllAccess)
{
    private static readonly PermissionShape[] Shapes = [new(false, false), new(false, true), new(true, false), new(true, true)];

    /// <summary>One shared instance per combination: 100,000 tokens need four objects, not 100,000.</summary>
    public static PermissionShape Of(bool instanceWide, bool allAccess) => Shapes[(instanceWide ? 2 : 0) + (allAccess ? 1 : 0)];
}
