using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2014: a permission names a bucket or org that no longer exists.</summary>
public sealed class DanglingPermissionRule : ITokenRule
{
    public ProductCapabilities Requires { get; } = ProductCapabilities.Orgs;

    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.DanglingPermission, "dangling-permission", Severity.Low, "Permission on a deleted bucket or org");

    public string? Evaluate(Token token, PolicyContext context)
    {
        var serverFillsOrgNames = context.Inventory.Capabilities.FillsScopeNames;
        if (!PermissionShapes.HasDanglingPermission(token, serverFillsOrgNames))
        {
            return null;
        }

        var dangling = PermissionShapes.DanglingPermissions(token, serverFillsOrgNames)
            .Select(permission => permission.Action + ":" + permission.ResourceType + "/" + (permission.ResourceId ?? permission.ScopeId))
            .Distinct()
            .ToList();
        return dangling.Count == 0
            ? null
            : $"Token has {dangling.Count} permission(s) on resources that no longer exist ({string.Join(", ", dangling.Take(3))}); recreate it with the permissions it still needs";
    }
}
