using System.Runtime.CompilerServices;
using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>InfluxDB v2 wire objects to the neutral model (REFERENCE.md §4 for the shapes).</summary>
internal static class InfluxV2Mapping
{
    /// <summary>Types every InfluxDB v2 product has had for years; an All-Access token covers them all org-wide.</summary>
    public static readonly IReadOnlyList<string> CommonOrgWideTypes =
    [
        "authorizations", "buckets", "dashboards", "tasks", "telegrafs", "variables", "secrets", "labels", "views",
        "documents", "notificationRules", "notificationEndpoints", "checks", "dbrp",
    ];

    /// <summary>OSS fills <c>org</c> and <c>name</c> of permissions; Cloud leaves them out. Neither has token expiry.</summary>
    public static ProductCapabilities CapabilitiesOf(InfluxFlavor flavor) =>
        new(HasOwners: true, HasStatus: true, HasExpiry: false, FillsScopeNames: flavor == InfluxFlavor.Oss, HasOrgs: true);

    public static Scope ToScope(InfluxOrganization organization) => new(organization.Id, organization.Name);

    public static Principal ToPrincipal(InfluxUser user) => new()
    {
        Id = user.Id,
        Name = user.Name,
        Status = user.Status switch
        {
            "active" => PrincipalStatus.Active,
            "inactive" => PrincipalStatus.Inactive,
            _ => PrincipalStatus.Unknown,
        },
    };

    /// <param name="permissionPool">
    /// Shares equal permissions between the tokens of one read (they are immutable): every All-Access token of an org
    /// holds the same forty, so 100,000 tokens need far fewer objects. Null makes new ones.
    /// </param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Token ToToken(InfluxAuthorization authorization, IReadOnlySet<string> serverTypes, PermissionPool? permissionPool = null)
    {
        var permissions = new Permission[authorization.Permissions.Count];
        for (var index = 0; index < permissions.Length; index++)
        {
            var permission = authorization.Permissions[index];
            var resource = permission.Resource;
            permissions[index] = permissionPool is null
                ? new Permission { Action = permission.Action, ResourceType = resource.Type, ScopeId = resource.OrgId, ScopeName = resource.Org, ResourceId = resource.Id, ResourceName = resource.Name }
                : permissionPool.Get(permission.Action, resource.Type, resource.OrgId, resource.Org, resource.Id, resource.Name);
        }

        return new Token
        {
            Id = authorization.Id,
            Description = authorization.Description,
            OwnerId = authorization.UserId,
            OwnerName = authorization.User,
            ScopeId = authorization.OrgId,
            ScopeName = authorization.Org,
            Kind = HasInstanceWidePermission(authorization) ? TokenKind.Operator : IsAllAccess(authorization, serverTypes) ? TokenKind.AllAccess : TokenKind.Custom,
            Status = authorization.IsActive ? TokenStatus.Active : TokenStatus.Inactive,
            Permissions = permissions,
            CreatedAt = authorization.CreatedAt,
            UpdatedAt = authorization.UpdatedAt,
            Value = authorization.Token,
        };
    }

    private static bool HasInstanceWidePermission(InfluxAuthorization authorization)
    {
        foreach (var permission in authorization.Permissions)
        {
            if (permission.Resource.OrgId is null && permission.Resource.Id is null)
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
}
