using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy.Rules;

/// <summary>TG2007: write on authorizations, users, orgs or secrets held by a user who is not an admin.</summary>
public sealed class PrivilegedPermissionRule : IAuthorizationRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.PrivilegedPermission, "privileged-permission", Severity.High, "Privileged permission outside the admin users");

    public string? Evaluate(InfluxAuthorization authorization, PolicyContext context)
    {
        if (!PermissionShapes.HasPrivilegedWrite(authorization) || PermissionShapes.IsOverBroad(authorization, context.Snapshot.ResourceTypes))
        {
            return null;
        }

        var types = PermissionShapes.PrivilegedWriteTypes(authorization).ToList();
        var owner = context.Snapshot.OwnerName(authorization);
        if (types.Count == 0 || context.AdminUsers.Matches(authorization.UserId, owner))
        {
            return null;
        }

        return $"Token of '{owner ?? authorization.UserId}', who is not an admin user, can write {string.Join(", ", types)}: it can mint tokens or change users; remove those permissions or list the user in TokenGovernance:Policy:AdminUsers";
    }
}
