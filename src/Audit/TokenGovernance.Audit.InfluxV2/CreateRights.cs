using TokenGovernance.Audit.Listing;

namespace TokenGovernance.Audit.InfluxV2;

/// <summary>
/// Whether a v2 token may create a token for another user, as OSS's authorizer decides
/// (<c>authorization/middleware_auth.go</c>, <c>authz.go</c>): it needs <c>write:orgs/{org}/authorizations</c> and
/// <c>write:users/{user}</c>, and must itself hold every permission it grants. A held permission covers a requested one
/// of the same action and type when it names no org or the same org, and no id or the same id; so an org-scoped
/// <c>users</c> permission never covers <c>users/{id}</c>, and an all-access token creates tokens for its own user only.
/// </summary>
internal static class CreateRights
{
    /// <summary>What <paramref name="held"/> (a token of user <paramref name="actorId"/>) lacks to create <paramref name="granted"/> for <paramref name="userId"/> in <paramref name="orgId"/>; null when nothing.</summary>
    public static string? Missing(IReadOnlyList<InfluxPermission> held, string actorId, string userId, string orgId, IReadOnlyList<PermissionRecord> granted)
    {
        if (!Covers(held, "write", "authorizations", orgId, null))
        {
            return $"write:orgs/{orgId}/authorizations";
        }

        if (userId != actorId && !Covers(held, "write", "users", null, userId))
        {
            return $"write:users/{userId}";
        }

        foreach (var permission in granted)
        {
            if (permission.ResourceType == "instance")
            {
                return "instance (no token may be created with it)";
            }

            if (!Covers(held, permission.Action, permission.ResourceType, permission.ScopeId, permission.ResourceId))
            {
                return $"{permission.Action}:{Name(permission)} (the new token needs it, and a token can only grant what it holds)";
            }
        }

        return null;
    }

    private static bool Covers(IReadOnlyList<InfluxPermission> held, string action, string type, string? orgId, string? id) =>
        held.Any(permission => permission.Action == action && permission.Resource.Type == type
            && (permission.Resource.OrgId is null || permission.Resource.OrgId == orgId)
            && (permission.Resource.Id is null || permission.Resource.Id == id));

    private static string Name(PermissionRecord permission) =>
        (permission.ScopeId is null ? string.Empty : $"orgs/{permission.ScopeId}/") + permission.ResourceType + (permission.ResourceId is null ? string.Empty : $"/{permission.ResourceId}");
}
