using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy.Rules;

/// <summary>TG2014: a permission names a bucket or org that no longer exists.</summary>
public sealed class DanglingPermissionRule : IAuthorizationRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.DanglingPermission, "dangling-permission", Severity.Low, "Permission on a deleted bucket or org");

    public string? Evaluate(InfluxAuthorization authorization, PolicyContext context)
    {
        var serverFillsOrgNames = context.Snapshot.Flavor == InfluxFlavor.Oss;
        if (!PermissionShapes.HasDanglingPermission(authorization, serverFillsOrgNames))
        {
            return null;
        }

        var dangling = PermissionShapes.DanglingPermissions(authorization, serverFillsOrgNames)
            .Select(permission => permission.Action + ":" + permission.Resource.Type + "/" + (permission.Resource.Id ?? permission.Resource.OrgId))
            .Distinct()
            .ToList();
        return dangling.Count == 0
            ? null
            : $"Token has {dangling.Count} permission(s) on resources that no longer exist ({string.Join(", ", dangling.Take(3))}); recreate it with the permissions it still needs";
    }
}
