using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2005: a permission without orgID and id applies to the whole instance (operator token).</summary>
public sealed class OperatorTokenRule : ITokenRule
{
    public ProductCapabilities Requires { get; } = ProductCapabilities.Orgs;

    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.OperatorToken, "operator-token", Severity.Critical, "Instance-wide (operator) token");

    public string? Evaluate(Token token, PolicyContext context)
    {
        if (!PermissionShapes.HasInstanceWidePermission(token))
        {
            return null;
        }

        var types = token.Permissions.Where(permission => permission.IsInstanceWide)
            .Select(permission => permission.Action + ":" + permission.ResourceType).Distinct().ToList();
        return types.Count == 0
            ? null
            : $"Token has {types.Count} instance-wide permission(s) (no orgID, no id), e.g. {string.Join(", ", types.Take(3))}: it controls every organization; keep operator tokens offline and out of applications";
    }
}
