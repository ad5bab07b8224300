using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy;

/// <summary>Answers questions about a token's permission set (REFERENCE.md §4). Loops rather than LINQ: asked of every token.</summary>
public static class PermissionShapes
{
    private static readonly HashSet<string> PrivilegedTypes = new(StringComparer.Ordinal) { "authorizations", "users", "orgs", "secrets" };

    public static bool HasInstanceWidePermission(Token token)
    {
        foreach (var permission in token.Permissions)
        {
            if (permission.IsInstanceWide)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Any write permission at all.</summary>
    public static bool HasWrite(Token token)
    {
        foreach (var permission in token.Permissions)
        {
            if (permission.IsWrite)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An operator or All-Access token: the broad-scope rules say it, the narrower ones stay quiet.</summary>
    public static bool IsOverBroad(Token token) => token.Kind is TokenKind.Operator or TokenKind.AllAccess;

    public static bool HasOrgWideBucketWrite(Token token)
    {
        foreach (var permission in token.Permissions)
        {
            if (permission.IsWrite && permission.ResourceType == "buckets" && permission.IsScopeWide)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Allocation-free check before <see cref="PrivilegedWriteTypes"/>: most tokens have no such permission.</summary>
    public static bool HasPrivilegedWrite(Token token)
    {
        foreach (var permission in token.Permissions)
        {
            if (permission.IsWrite && PrivilegedTypes.Contains(permission.ResourceType))
            {
                return true;
            }
        }

        return false;
    }

    public static IEnumerable<string> PrivilegedWriteTypes(Token token) =>
        token.Permissions
            .Where(permission => permission.IsWrite && PrivilegedTypes.Contains(permission.ResourceType))
            .Select(permission => permission.ResourceType)
            .Distinct(StringComparer.Ordinal);

    /// <summary>
    /// OSS fills <c>name</c> for buckets and orgs with an id, and <c>org</c> for every permission with an <c>orgID</c>;
    /// when the bucket or org is gone, both are missing.
    /// </summary>
    public static IEnumerable<Permission> DanglingPermissions(Token token, bool serverFillsScopeNames) =>
        token.Permissions.Where(permission => IsDangling(permission, serverFillsScopeNames));

    /// <summary>Allocation-free check before <see cref="DanglingPermissions"/>: most tokens have none.</summary>
    public static bool HasDanglingPermission(Token token, bool serverFillsScopeNames)
    {
        foreach (var permission in token.Permissions)
        {
            if (IsDangling(permission, serverFillsScopeNames))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDangling(Permission permission, bool serverFillsScopeNames) =>
        (permission.ResourceType == "buckets" && permission.ResourceId is not null && permission.ResourceName is null && permission.ScopeName is null)
        || (permission.ResourceType == "orgs" && permission.ResourceId is not null && permission.ResourceName is null)
        || (serverFillsScopeNames && permission.ScopeId is not null && permission.ScopeName is null && permission.ResourceType != "orgs");

    /// <summary>InfluxDB writes <c>0001-01-01T00:00:00Z</c> for "never set".</summary>
    /// <summary>InfluxDB 3 and Dedicated/Clustered database permissions are on <c>databases</c>; no resource id is every database.</summary>
    public const string Databases = "databases";

    public static bool IsAllDatabases(Permission permission) =>
        permission.ResourceType == Databases && permission.ResourceId is null;

    public static bool IsKnown(DateTimeOffset? time) => time is { Year: > 1 };
}
