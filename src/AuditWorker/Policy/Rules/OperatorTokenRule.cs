using TokenGovernance.AuditWorker.Influx;

namespace TokenGovernance.AuditWorker.Policy.Rules;

/// <summary>TG2005: a permission without orgID and id applies to the whole instance (operator token).</summary>
public sealed class OperatorTokenRule : IAuthorizationRule
{
    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.OperatorToken, "operator-token", Severity.Critical, "Instance-wide (operator) token");

    public string? Evaluate(InfluxAuthorization authorization, PolicyContext context)
    {
        if (!PermissionShapes.HasInstanceWidePermission(authorization))
        {
            return null;
        }

        var types = authorization.Permissions.Where(PermissionShapes.IsInstanceWide)
            .Select(permission => permission.Action + ":" + permission.Resource.Type).Distinct().ToList();
        return types.Count == 0
            ? null
            : $"Token has {types.Count} instance-wide permission(s) (no orgID, no id), e.g. {string.Join(", ", types.Take(3))}: it controls every organization; keep operator tokens offline and out of applications";
    }
}
