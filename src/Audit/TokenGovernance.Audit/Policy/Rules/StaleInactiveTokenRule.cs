using TokenGovernance.Audit.Model;

namespace TokenGovernance.Audit.Policy.Rules;

/// <summary>TG2015: a token that has been inactive for longer than <c>InactiveRetentionDays</c>.</summary>
public sealed class StaleInactiveTokenRule : ITokenRule
{
    public ProductCapabilities Requires { get; } = ProductCapabilities.None with { HasStatus = true };

    public PolicyRuleDescriptor Descriptor { get; } = new(
        PolicyRuleIds.StaleInactiveToken, "stale-inactive-token", Severity.Low, "Inactive token kept too long");

    public string? Evaluate(Token token, PolicyContext context)
    {
        if (token.Status != TokenStatus.Inactive || !PermissionShapes.IsKnown(token.UpdatedAt))
        {
            return null;
        }

        var idle = context.Now - token.UpdatedAt!.Value;
        return idle.TotalDays > context.Options.InactiveRetentionDays
            ? $"Token has been inactive since {token.UpdatedAt.Value:yyyy-MM-dd} ({(int)idle.TotalDays} days, more than {context.Options.InactiveRetentionDays}); delete it"
            : null;
    }
}
