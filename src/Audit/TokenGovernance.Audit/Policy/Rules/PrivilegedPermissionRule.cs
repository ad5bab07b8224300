using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2007: write on authorizations, users, orgs or secrets held by a user who is not an admin.</summary>
public sealed class PrivilegedPermissionRule : ITokenRule
{
    public ProductCapabilities Requires { get; } = ProductCapabilities.Orgs with { HasOwners = true };

    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.PrivilegedPermission, "privileged-permission", Severity.High, "Privileged permission outside the admin users");

    public string? Evaluate(Token token, PolicyContext context)
    {
        if (!PermissionShapes.HasPrivilegedWrite(token) || PermissionShapes.IsOverBroad(token))
        {
            return null;
        }

        var types = PermissionShapes.PrivilegedWriteTypes(token).ToList();
        var owner = context.Inventory.OwnerName(token);
        if (types.Count == 0 || context.AdminUsers.Matches(token.OwnerId, owner))
        {
            return null;
        }

        return $"Token of '{owner ?? token.OwnerId}', who is not an admin user, can write {string.Join(", ", types)}: it can mint tokens or change users; remove those permissions or list the user in TokenGovernance:Policy:AdminUsers";
    }
}
